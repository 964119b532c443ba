import { useState } from 'react';
import { api, unwrap } from '../../../api/client';
import { isClientRole, type Role, type User } from '../../../api/types';
import { FormDialog } from '../../../components/FormDialog';
import { TextField } from '../../../components/TextField';
import { useT } from '../../../i18n/LocaleContext';
import { useFormErrors } from '../../../lib/useFormErrors';
import { clientIdFor, RoleClientFields } from '../RoleClientFields';

const FIELDS = ['name', 'role', 'client_id'] as const;

interface EditUserDialogProps {
  user: User;
  onSaved: (user: User) => void;
  onClose: () => void;
}

/** Changes name, role and client of a user. */
export function EditUserDialog({ user, onSaved, onClose }: EditUserDialogProps) {
  const t = useT();
  const errors = useFormErrors(FIELDS);
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<Role>(user.role);
  const [clientId, setClientId] = useState(user.client_id === null ? '' : String(user.client_id));
  const [busy, setBusy] = useState(false);

  async function submit(): Promise<void> {
    const local: Record<string, string> = {};
    if (name.trim() === '') local.name = t('validation.required');
    if (isClientRole(role) && clientId === '') local.client_id = t('validation.required');
    if (Object.keys(local).length > 0) {
      errors.showLocal(local);
      return;
    }
    setBusy(true);
    errors.clear();
    const newClientId = clientIdFor(role, clientId);
    try {
      const body = {
        name: name.trim(),
        role,
        ...(newClientId !== user.client_id ? { client_id: newClientId } : {}),
      };
      onSaved(await unwrap(api.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body })));
    } catch (caught) {
      errors.showError(caught);
      setBusy(false);
    }
  }

  return (
    <FormDialog
      title={t('users.editTitle', { name: user.name })}
      submitLabel={t('common.save')}
      busy={busy}
      general={errors.general}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <TextField label={t('users.email')} type="email" value={user.email} onChange={() => {}} readOnly disabled />
      <TextField label={t('users.name')} value={name} onChange={setName} error={errors.fieldErrors.name} required />
      <RoleClientFields role={role} clientId={clientId} onRoleChange={setRole} onClientChange={setClientId} errors={errors.fieldErrors} />
    </FormDialog>
  );
}
