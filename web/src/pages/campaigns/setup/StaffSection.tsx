import { useCallback, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import { loadReps, loadStaffCandidates, withId } from '../../../api/loaders';
import type { Role } from '../../../api/types';
import { CheckboxField } from '../../../components/CheckboxField';
import { Notice } from '../../../components/Notice';
import { SectionCard } from '../../../components/SectionCard';
import { useT } from '../../../i18n/LocaleContext';
import { useResource } from '../../../lib/useResource';
import { useSave } from '../../../lib/useSave';
import type { SectionProps } from './patchCampaign';

const AGENT_ROLES: readonly Role[] = ['agent', 'supervisor'];
const SPECIALIST_ROLES: readonly Role[] = ['agent', 'supervisor', 'project_manager'];

interface Candidate {
  id: number;
  label: string;
}

function toggle(list: readonly number[], id: number, on: boolean): number[] {
  return on ? [...list, id] : list.filter((x) => x !== id);
}

function PickList({ legend, candidates, chosen, onChange, error }: {
  legend: string;
  candidates: readonly Candidate[];
  chosen: readonly number[];
  onChange: (ids: number[]) => void;
  error: string | undefined;
}) {
  const t = useT();
  // Chosen ids the list does not know (deactivated since, or not listable) stay visible.
  const unknown = chosen.filter((id) => !candidates.some((c) => c.id === id));
  return (
    <fieldset className="fieldset pick-list">
      <legend>{legend}</legend>
      {candidates.length === 0 && unknown.length === 0 && <p className="muted">{t('staff.nobody')}</p>}
      {candidates.map((c) => (
        <CheckboxField key={c.id} label={c.label} checked={chosen.includes(c.id)} onChange={(on) => onChange(toggle(chosen, c.id, on))} />
      ))}
      {unknown.map((id) => (
        <CheckboxField key={id} label={t('staff.unknown', { id })} checked onChange={() => onChange(chosen.filter((x) => x !== id))} />
      ))}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Who works the campaign: agents, specialists for escalations, and the client's reps who receive appointments. */
export function StaffSection({ campaign, onSaved }: SectionProps) {
  const t = useT();
  const save = useSave(['agents', 'specialists', 'rep_ids']);
  const users = useResource(loadStaffCandidates);
  const reps = useResource(useCallback(() => loadReps(campaign.client_id), [campaign.client_id]));
  const [agents, setAgents] = useState(campaign.staff.agents);
  const [specialists, setSpecialists] = useState(campaign.staff.specialists);
  const [repIds, setRepIds] = useState(campaign.staff.rep_ids);

  const people = (roles: readonly Role[]): Candidate[] =>
    users.status === 'ready'
      ? users.data.filter((u) => roles.includes(u.role)).map((u) => ({ id: u.id, label: `${u.name} (${t(`role.${u.role}`)})` }))
      : [];
  const repCandidates: Candidate[] =
    reps.status === 'ready'
      ? reps.data.filter((r) => r.active).map((r) => ({ id: r.id, label: r.territories ? `${r.name} (${r.territories.replaceAll(',', ', ')})` : r.name }))
      : [];

  function submit(): void {
    void save.run(async () => {
      const body = { agents, specialists, rep_ids: repIds };
      onSaved(await unwrap(api.PUT('/api/campaigns/{id}/staff', { ...withId(campaign.id), body })));
    });
  }

  return (
    <SectionCard
      title={t('setup.staff')}
      intro={t('staff.intro')}
      onSubmit={submit}
      busy={save.busy}
      general={save.general}
      fieldErrors={save.fieldErrors}
      savedText={save.saved ? t('common.savedText') : null}
    >
      {users.status === 'error' && <Notice kind="info">{t('staff.usersUnavailable')}</Notice>}
      <div className="grid grid--3">
        <PickList legend={t('staff.agents')} candidates={people(AGENT_ROLES)} chosen={agents} onChange={setAgents} error={save.errorAt('agents')} />
        <PickList
          legend={t('staff.specialists')}
          candidates={people(SPECIALIST_ROLES)}
          chosen={specialists}
          onChange={setSpecialists}
          error={save.errorAt('specialists')}
        />
        <PickList legend={t('staff.reps')} candidates={repCandidates} chosen={repIds} onChange={setRepIds} error={save.errorAt('rep_ids')} />
      </div>
    </SectionCard>
  );
}
