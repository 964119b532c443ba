import { useState } from 'react';
import { GOAL_KINDS, type GoalKind } from '../../../api/types';
import { SectionCard } from '../../../components/SectionCard';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/LocaleContext';
import { useSave } from '../../../lib/useSave';
import { goalKindText } from '../goalKind';
import { patchCampaign, wholeNumber, type SectionProps } from './patchCampaign';

const FIELDS = ['name', 'goal_kind', 'goal_target', 'starts_on', 'ends_on'] as const;

/** Name, goal (kind and target count) and period of a campaign. */
export function GoalSection({ campaign, onSaved }: SectionProps) {
  const t = useT();
  const save = useSave(FIELDS);
  const [name, setName] = useState(campaign.name);
  const [kind, setKind] = useState<GoalKind>(campaign.goal_kind);
  const [target, setTarget] = useState(String(campaign.goal_target));
  const [startsOn, setStartsOn] = useState(campaign.starts_on ?? '');
  const [endsOn, setEndsOn] = useState(campaign.ends_on ?? '');

  function submit(): void {
    const count = wholeNumber(target);
    if (name.trim() === '') return save.showLocal({ name: t('validation.required') });
    if (count === undefined || count < 0) return save.showLocal({ goal_target: t('validation.wholeNumber') });
    void save.run(async () => {
      onSaved(
        await patchCampaign(campaign.id, {
          name: name.trim(),
          goal_kind: kind,
          goal_target: count,
          starts_on: startsOn || null,
          ends_on: endsOn || null,
        }),
      );
    });
  }

  return (
    <SectionCard title={t('setup.goal')} onSubmit={submit} busy={save.busy} general={save.general}
      fieldErrors={save.fieldErrors} savedText={save.saved ? t('common.savedText') : null}>
      <TextField label={t('campaigns.name')} value={name} onChange={setName} error={save.errorAt('name')} required />
      <div className="grid grid--2">
        <SelectField
          label={t('campaigns.goalKind')}
          value={kind}
          options={GOAL_KINDS.map((k) => ({ value: k, label: goalKindText(t, k) }))}
          onChange={(value) => setKind(value as GoalKind)}
          error={save.errorAt('goal_kind')}
        />
        <TextField label={t('campaigns.goalTarget')} type="number" min={0} value={target} onChange={setTarget} error={save.errorAt('goal_target')} />
        <TextField label={t('setup.startsOn')} type="date" value={startsOn} onChange={setStartsOn} error={save.errorAt('starts_on')} optionalText={t('common.optional')} />
        <TextField label={t('setup.endsOn')} type="date" value={endsOn} onChange={setEndsOn} error={save.errorAt('ends_on')} optionalText={t('common.optional')} />
      </div>
    </SectionCard>
  );
}
