import { useMemo, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import { loadUsers } from '../../../api/loaders';
import type { User } from '../../../api/types';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Notice } from '../../../components/Notice';
import { ResourceView } from '../../../components/ResourceView';
import { SecretDialog } from '../../../components/SecretDialog';
import { useT } from '../../../i18n/LocaleContext';
import { useLiveEvents } from '../../../lib/useLiveEvents';
import { useResource } from '../../../lib/useResource';
import { useSignedIn } from '../../../session/SessionContext';
import { AdminLayout } from '../AdminLayout';
import { CreateUserDialog } from './CreateUserDialog';
import { EditUserDialog } from './EditUserDialog';
import { matchesFilter, NO_FILTER, UserFilters, type UserFilter } from './UserFilters';
import { UserTable, type UserAction } from './UserTable';

const USER_EVENTS = ['user.changed'] as const;

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit' | 'toggle' | 'reset'; user: User }
  | { kind: 'secret'; title: string; label: string; secret: string };

/** User management: list, filter, create, edit, deactivate/reactivate, reset password. */
export function UsersPage() {
  const t = useT();
  const { session } = useSignedIn();
  const users = useResource(loadUsers);
  useLiveEvents(USER_EVENTS, users.reload);
  const [filter, setFilter] = useState<UserFilter>(NO_FILTER);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const close = () => setDialog(null);
  const done = (text: string) => {
    setMessage(text);
    users.reload();
  };
  const onAction = (action: UserAction, user: User) => {
    setMessage(null);
    setDialog({ kind: action, user });
  };

  async function toggleActive(user: User): Promise<void> {
    await unwrap(api.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: { active: !user.active } }));
    close();
    done(t(user.active ? 'users.deactivated' : 'users.reactivated', { name: user.name }));
  }

  async function resetPassword(user: User): Promise<void> {
    const { password } = await unwrap(
      api.POST('/api/users/{id}/password', { params: { path: { id: user.id } }, body: {} }),
    );
    setDialog({
      kind: 'secret',
      title: t('users.resetPassword'),
      label: t('users.newPassword', { name: user.name }),
      secret: password,
    });
    users.reload();
  }

  const filterFn = useMemo(() => matchesFilter(filter), [filter]);

  return (
    <AdminLayout>
      <div className="toolbar">
        <UserFilters filter={filter} onChange={setFilter} />
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            setMessage(null);
            setDialog({ kind: 'create' });
          }}
        >
          {t('users.new')}
        </button>
      </div>
      {message && <Notice kind="success">{message}</Notice>}
      <ResourceView resource={users}>
        {(all) => {
          const shown = all.filter(filterFn);
          return (
            <>
              <UserTable
                users={shown}
                currentUserId={session.user.id}
                emptyText={all.length === 0 ? t('common.empty') : t('common.noMatches')}
                onAction={onAction}
              />
              <p className="muted table-footer">{t('users.count', { shown: shown.length, total: all.length })}</p>
            </>
          );
        }}
      </ResourceView>

      {dialog?.kind === 'create' && (
        <CreateUserDialog
          onClose={close}
          onCreated={(user, initialPassword) => {
            done(t('users.created', { name: user.name }));
            if (initialPassword === null) close();
            else
              setDialog({
                kind: 'secret',
                title: t('users.created', { name: user.name }),
                label: t('users.initialPassword', { name: user.name }),
                secret: initialPassword,
              });
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <EditUserDialog
          user={dialog.user}
          onClose={close}
          onSaved={(user) => {
            close();
            done(t('users.saved', { name: user.name }));
          }}
        />
      )}
      {dialog?.kind === 'toggle' && (
        <ConfirmDialog
          title={dialog.user.active ? t('users.deactivate') : t('users.reactivate')}
          message={t(dialog.user.active ? 'users.deactivateConfirm' : 'users.reactivateConfirm', { name: dialog.user.name })}
          confirmLabel={dialog.user.active ? t('users.deactivate') : t('users.reactivate')}
          danger={dialog.user.active}
          onConfirm={() => toggleActive(dialog.user)}
          onCancel={close}
        />
      )}
      {dialog?.kind === 'reset' && (
        <ConfirmDialog
          title={t('users.resetPassword')}
          message={t('users.resetConfirm', { name: dialog.user.name })}
          confirmLabel={t('users.resetPassword')}
          danger
          onConfirm={() => resetPassword(dialog.user)}
          onCancel={close}
        />
      )}
      {dialog?.kind === 'secret' && (
        <SecretDialog
          title={dialog.title}
          label={dialog.label}
          secret={dialog.secret}
          notice={t('users.secretOnce')}
          onClose={close}
        />
      )}
    </AdminLayout>
  );
}
