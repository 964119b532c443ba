import type { User } from '../../../api/types';
import { DataTable, type Column } from '../../../components/DataTable';
import { useT } from '../../../i18n/LocaleContext';

export type UserAction = 'edit' | 'toggle' | 'reset';

interface UserTableProps {
  users: readonly User[];
  currentUserId: number;
  emptyText: string;
  onAction: (action: UserAction, user: User) => void;
}

/** Users with their role, client, status and the actions on them. */
export function UserTable({ users, currentUserId, emptyText, onAction }: UserTableProps) {
  const t = useT();
  const columns: Column<User>[] = [
    {
      key: 'name',
      header: t('users.name'),
      render: (u) => (
        <>
          <strong>{u.name}</strong>
          {u.id === currentUserId && <span className="muted"> ({t('users.you')})</span>}
        </>
      ),
    },
    { key: 'email', header: t('users.email'), render: (u) => u.email },
    { key: 'role', header: t('users.role'), render: (u) => t(`role.${u.role}`) },
    { key: 'client', header: t('users.client'), render: (u) => u.client_name ?? t('common.none') },
    {
      key: 'status',
      header: t('users.status'),
      render: (u) => (
        <span className={`badge ${u.active ? 'badge--active' : 'badge--inactive'}`}>
          {u.active ? t('users.statusActive') : t('users.statusInactive')}
        </span>
      ),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      className: 'actions',
      render: (u) => (
        <div className="row-actions">
          <button type="button" className="button button--small" onClick={() => onAction('edit', u)}>
            {t('common.edit')}
          </button>
          {u.id !== currentUserId && (
            <button
              type="button"
              className={`button button--small ${u.active ? 'button--danger-outline' : ''}`}
              onClick={() => onAction('toggle', u)}
            >
              {u.active ? t('users.deactivate') : t('users.reactivate')}
            </button>
          )}
          <button type="button" className="button button--small" onClick={() => onAction('reset', u)}>
            {t('users.resetPassword')}
          </button>
        </div>
      ),
    },
  ];
  return (
    <DataTable
      caption={t('admin.users')}
      columns={columns}
      rows={users}
      rowKey={(u) => u.id}
      emptyText={emptyText}
      rowClassName={(u) => (u.active ? undefined : 'row--muted')}
    />
  );
}
