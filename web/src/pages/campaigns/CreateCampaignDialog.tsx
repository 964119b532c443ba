import { useCallback, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { loadClients } from '../../api/loaders';
import { GOAL_KINDS, type CampaignDetail, type GoalKind } from '../../api/types';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/LocaleContext';
import { useResource } from '../../lib/useResource';
import { useSave } from '../../lib/useSave';
import { goalKindText } from './goalKind';

const FIELDS = ['client_id', 'name', 'goal_kind', 'goal_target'] as const;

interface CreateCampaignDialogProps {
  /** The client, when the dialog is opened from a client's page. */
  clientId?: number;
  onCreated: (campaign: CampaignDetail) => void;
  onClose: () => void;
}

/** Creates a draft campaign; everything else is set up on the campaign's page. */
export function CreateCampaignDialog({ clientId, onCreated, onClose }: CreateCampaignDialogProps) {
  const t = useT();
  const save = useSave(FIELDS);
  const clients = useResource(useCallback(() => (clientId ? Promise.resolve([]) : loadClients()), [clientId]));
  const [client, setClient] = useState(clientId ? String(clientId) : '');
  const [name, setName] = useState('');
  const [goalKind, setGoalKind] = useState<GoalKind>('appointments');
  const [goalTarget, setGoalTarget] = useState('');

  function submit(): void {
    const errors: Record<string, string> = {};
    if (client === '') errors.client_id = t('validation.required');
    if (name.trim() === '') errors.name = t('validation.required');
    const target = goalTarget.trim() === '' ? 0 : Number(goalTarget);
    if (!Number.isInteger(target) || target < 0) errors.goal_target = t('validation.wholeNumber');
    if (Object.keys(errors).length > 0) {
      save.showLocal(errors);
      return;
    }
    void save.run(async () => {
      const body = { client_id: Number(client), name: name.trim(), goal_kind: goalKind, goal_target: target };
      onCreated(await unwrap(api.POST('/api/campaigns', { body })));
    });
  }

  const clientOptions =
    clients.status === 'ready' ? clients.data.filter((c) => !c.archived).map((c) => ({ value: String(c.id), label: c.name })) : [];

  return (
    <FormDialog
      title={t('campaigns.createTitle')}
      submitLabel={t('common.create')}
      busy={save.busy}
      general={save.general}
      onSubmit={submit}
      onClose={onClose}
    >
      {!clientId && (
        <SelectField
          label={t('campaigns.client')}
          value={client}
          options={clientOptions}
          onChange={setClient}
          placeholder={t('campaigns.chooseClient')}
          error={save.errorAt('client_id')}
          required
        />
      )}
      <TextField label={t('campaigns.name')} value={name} onChange={setName} error={save.errorAt('name')} required />
      <SelectField
        label={t('campaigns.goalKind')}
        value={goalKind}
        options={GOAL_KINDS.map((kind) => ({ value: kind, label: goalKindText(t, kind) }))}
        onChange={(value) => setGoalKind(value as GoalKind)}
        error={save.errorAt('goal_kind')}
      />
      <TextField
        label={t('campaigns.goalTarget')}
        type="number"
        min={0}
        value={goalTarget}
        onChange={setGoalTarget}
        error={save.errorAt('goal_target')}
        optionalText={t('common.optional')}
      />
      <p className="muted small">{t('campaigns.createHint')}</p>
    </FormDialog>
  );
}
