import { loadClients } from '../../api/loaders';
import { isClientRole, ROLES, type Role } from '../../api/types';
import { SelectField } from '../../components/SelectField';
import { useT } from '../../i18n/LocaleContext';
import { useResource } from '../../lib/useResource';
import type { FieldErrors } from '../../lib/useFormErrors';

interface RoleClientFieldsProps {
  role: Role;
  /** The chosen client id as text ("" for none). */
  clientId: string;
  onRoleChange: (role: Role) => void;
  onClientChange: (clientId: string) => void;
  errors: FieldErrors;
}

function toRole(value: string): Role {
  return ROLES.find((role) => role === value) ?? 'agent';
}

/** Role select plus, for the client-bound roles, a select of the agency's clients. */
export function RoleClientFields({ role, clientId, onRoleChange, onClientChange, errors }: RoleClientFieldsProps) {
  const t = useT();
  const clients = useResource(loadClients);
  const roleOptions = ROLES.map((value) => ({ value, label: t(`role.${value}`) }));
  const clientOptions =
    clients.status === 'ready'
      ? clients.data.filter((client) => !client.archived || String(client.id) === clientId).map((client) => ({ value: String(client.id), label: client.name }))
      : [];

  return (
    <>
      <SelectField
        label={t('users.role')}
        value={role}
        options={roleOptions}
        onChange={(value) => onRoleChange(toRole(value))}
        error={errors.role}
      />
      {isClientRole(role) && (
        <SelectField
          label={t('users.client')}
          value={clientId}
          options={clientOptions}
          placeholder={clients.status === 'loading' ? t('app.loading') : t('users.chooseClient')}
          onChange={onClientChange}
          error={errors.client_id ?? (clients.status === 'error' ? t('common.loadFailed') : undefined)}
          required
        />
      )}
    </>
  );
}

/** The client_id to send for a role: the chosen client for client roles, otherwise null. */
export function clientIdFor(role: Role, clientId: string): number | null {
  return isClientRole(role) && clientId !== '' ? Number(clientId) : null;
}
