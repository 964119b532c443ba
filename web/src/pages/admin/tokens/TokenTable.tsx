import type { ApiToken, Client } from '../../../api/types';
import { DataTable, type Column } from '../../../components/DataTable';
import { useLocale } from '../../../i18n/LocaleContext';
import type { MessageKey } from '../../../i18n/translate';
import { formatDateTime } from '../../../lib/format';

interface TokenTableProps {
  tokens: readonly ApiToken[];
  clients: readonly Client[];
  onRevoke: (token: ApiToken) => void;
}

function statusOf(token: ApiToken): { key: MessageKey; badge: string } {
  if (token.revoked_at) return { key: 'tokens.statusRevoked', badge: 'inactive' };
  if (token.expires_at && Date.parse(token.expires_at) <= Date.now()) return { key: 'tokens.statusExpired', badge: 'inactive' };
  return { key: 'tokens.statusActive', badge: 'active' };
}

/** API tokens with role, client, dates, status and a revoke action. */
export function TokenTable({ tokens, clients, onRevoke }: TokenTableProps) {
  const { t, locale } = useLocale();
  const clientName = (id: number | null) =>
    id === null ? t('common.none') : (clients.find((c) => c.id === id)?.name ?? `#${id}`);
  const columns: Column<ApiToken>[] = [
    { key: 'name', header: t('tokens.name'), render: (k) => <strong>{k.name}</strong> },
    { key: 'role', header: t('tokens.role'), render: (k) => t(`role.${k.role}`) },
    { key: 'client', header: t('tokens.client'), render: (k) => clientName(k.client_id) },
    { key: 'created', header: t('tokens.created'), render: (k) => formatDateTime(locale, k.created_at) },
    { key: 'used', header: t('tokens.lastUsed'), render: (k) => formatDateTime(locale, k.last_used_at) || t('common.never') },
    { key: 'expires', header: t('tokens.expires'), render: (k) => formatDateTime(locale, k.expires_at) || t('common.never') },
    {
      key: 'status',
      header: t('tokens.status'),
      render: (k) => {
        const status = statusOf(k);
        return <span className={`badge badge--${status.badge}`}>{t(status.key)}</span>;
      },
    },
    {
      key: 'actions',
      header: t('common.actions'),
      className: 'actions',
      render: (k) =>
        k.revoked_at ? null : (
          <button type="button" className="button button--small button--danger-outline" onClick={() => onRevoke(k)}>
            {t('tokens.revoke')}
          </button>
        ),
    },
  ];
  return (
    <DataTable
      caption={t('admin.tokens')}
      columns={columns}
      rows={tokens}
      rowKey={(k) => k.id}
      emptyText={t('tokens.empty')}
      rowClassName={(k) => (k.revoked_at ? 'row--muted' : undefined)}
    />
  );
}
