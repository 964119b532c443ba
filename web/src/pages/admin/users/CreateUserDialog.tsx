import { useState } from 'react';
import { api, unwrap } from '../../../api/client';
import { isClientRole, type Role, type User } from '../../../api/types';
import { FormDialog } from '../../../components/FormDialog';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/LocaleContext';
import { useFormErrors } from '../../../lib/useFormErrors';
import { clientIdFor, RoleClientFields } from '../RoleClientFields';

const FIELDS = ['name', 'email', 'role', 'client_id', 'password'] as const;

interface CreateUserDialogProps {
  onCreated: (user: User, initialPassword: string | null) => void;
  onClose: () => void;
}

/** Creates a user; without a password the server generates one. */
export function CreateUserDialog({ onCreated, onClose }: CreateUserDialogProps) {
  const t = useT();
  const errors = useFormErrors(FIELDS);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [clientId, setClientId] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(): Promise<void> {
    const local: Record<string, string> = {};
    if (name.trim() === '') local.name = t('validation.required');
    if (email.trim() === '') local.email = t('validation.required');
    if (isClientRole(role) && clientId === '') local.client_id = t('validation.required');
    if (password !== '' && password.length < 10) local.password = t('password.tooShort');
    if (Object.keys(local).length > 0) {
      errors.showLocal(local);
      return;
    }
    setBusy(true);
    errors.clear();
    try {
      const body = {
        name: name.trim(),
        email: email.trim(),
        role,
        ...(isClientRole(role) ? { client_id: clientIdFor(role, clientId) } : {}),
        ...(password !== '' ? { password } : {}),
      };
      const created = await unwrap(api.POST('/api/users', { body }));
      onCreated(created.user, created.initial_password);
    } catch (caught) {
      errors.showError(caught);
      setBusy(false);
    }
  }

  return (
    <FormDialog
      title={t('users.createTitle')}
      submitLabel={t('common.create')}
      busy={busy}
      general={errors.general}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <TextField label={t('users.name')} value={name} onChange={setName} error={errors.fieldErrors.name} autoComplete="off" required />
      <TextField label={t('users.email')} type="email" value={email} onChange={setEmail} error={errors.fieldErrors.email} autoComplete="off" required />
      <RoleClientFields role={role} clientId={clientId} onRoleChange={setRole} onClientChange={setClientId} errors={errors.fieldErrors} />
      <TextField
        label={t('users.password')}
        type="password"
        value={password}
        onChange={setPassword}
        error={errors.fieldErrors.password}
        hint={t('users.passwordHint')}
        optionalText={t('common.optional')}
        autoComplete="new-password"
      />
    </FormDialog>
  );
}
