import { useState } from 'react';
import { api, unwrap } from '../../../api/client';
import { loadClients, loadTokens } from '../../../api/loaders';
import type { ApiToken } from '../../../api/types';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Notice } from '../../../components/Notice';
import { ResourceView } from '../../../components/ResourceView';
import { SecretDialog } from '../../../components/SecretDialog';
import { useT } from '../../../i18n/LocaleContext';
import { useResource } from '../../../lib/useResource';
import { AdminLayout } from '../AdminLayout';
import { CreateTokenDialog } from './CreateTokenDialog';
import { TokenTable } from './TokenTable';

type Dialog = { kind: 'create' } | { kind: 'revoke'; token: ApiToken } | { kind: 'secret'; token: ApiToken; secret: string };

/** API tokens: list, create (secret shown once), revoke. */
export function TokensPage() {
  const t = useT();
  const tokens = useResource(loadTokens);
  const clients = useResource(loadClients);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const close = () => setDialog(null);

  async function revoke(token: ApiToken): Promise<void> {
    await unwrap(api.DELETE('/api/tokens/{id}', { params: { path: { id: token.id } } }));
    close();
    setMessage(t('tokens.revoked', { name: token.name }));
    tokens.reload();
  }

  return (
    <AdminLayout>
      <div className="toolbar toolbar--end">
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            setMessage(null);
            setDialog({ kind: 'create' });
          }}
        >
          {t('tokens.new')}
        </button>
      </div>
      {message && <Notice kind="success">{message}</Notice>}
      <ResourceView resource={tokens}>
        {(rows) => (
          <TokenTable
            tokens={rows}
            clients={clients.status === 'ready' ? clients.data : []}
            onRevoke={(token) => {
              setMessage(null);
              setDialog({ kind: 'revoke', token });
            }}
          />
        )}
      </ResourceView>

      {dialog?.kind === 'create' && (
        <CreateTokenDialog
          onClose={close}
          onCreated={(token, secret) => {
            setDialog({ kind: 'secret', token, secret });
            tokens.reload();
          }}
        />
      )}
      {dialog?.kind === 'secret' && (
        <SecretDialog
          title={t('tokens.createTitle')}
          label={t('tokens.secretTitle', { name: dialog.token.name })}
          secret={dialog.secret}
          notice={t('tokens.secretOnce')}
          onClose={close}
        />
      )}
      {dialog?.kind === 'revoke' && (
        <ConfirmDialog
          title={t('tokens.revoke')}
          message={t('tokens.revokeConfirm', { name: dialog.token.name })}
          confirmLabel={t('tokens.revoke')}
          danger
          onConfirm={() => revoke(dialog.token)}
          onCancel={close}
        />
      )}
    </AdminLayout>
  );
}
