import { useState } from 'react';
import { api, unwrap } from '../../../api/client';
import { isClientRole, type ApiToken, type Role } from '../../../api/types';
import { FormDialog } from '../../../components/FormDialog';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/LocaleContext';
import { useFormErrors } from '../../../lib/useFormErrors';
import { clientIdFor, RoleClientFields } from '../RoleClientFields';

const FIELDS = ['name', 'role', 'client_id', 'expires_in_days'] as const;

interface CreateTokenDialogProps {
  onCreated: (token: ApiToken, secret: string) => void;
  onClose: () => void;
}

/** Creates an API token acting with one role (and client, for client roles). */
export function CreateTokenDialog({ onCreated, onClose }: CreateTokenDialogProps) {
  const t = useT();
  const errors = useFormErrors(FIELDS);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('project_manager');
  const [clientId, setClientId] = useState('');
  const [expires, setExpires] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(): Promise<void> {
    const local: Record<string, string> = {};
    const days = expires.trim() === '' ? null : Number(expires);
    if (name.trim() === '') local.name = t('validation.required');
    if (isClientRole(role) && clientId === '') local.client_id = t('validation.required');
    if (days !== null && (!Number.isInteger(days) || days < 1)) local.expires_in_days = t('validation.positive');
    if (Object.keys(local).length > 0) {
      errors.showLocal(local);
      return;
    }
    setBusy(true);
    errors.clear();
    try {
      const body = {
        name: name.trim(),
        role,
        ...(isClientRole(role) ? { client_id: clientIdFor(role, clientId) } : {}),
        ...(days !== null ? { expires_in_days: days } : {}),
      };
      const created = await unwrap(api.POST('/api/tokens', { body }));
      onCreated(created.token, created.secret);
    } catch (caught) {
      errors.showError(caught);
      setBusy(false);
    }
  }

  return (
    <FormDialog
      title={t('tokens.createTitle')}
      submitLabel={t('common.create')}
      busy={busy}
      general={errors.general}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <TextField label={t('tokens.name')} value={name} onChange={setName} error={errors.fieldErrors.name} required />
      <RoleClientFields role={role} clientId={clientId} onRoleChange={setRole} onClientChange={setClientId} errors={errors.fieldErrors} />
      <TextField
        label={t('tokens.expiresInDays')}
        type="number"
        inputMode="numeric"
        min={1}
        value={expires}
        onChange={setExpires}
        error={errors.fieldErrors.expires_in_days}
        hint={t('tokens.expiresHint')}
        optionalText={t('common.optional')}
      />
    </FormDialog>
  );
}
