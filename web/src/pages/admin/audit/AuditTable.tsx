import type { AuditEntry } from '../../../api/types';
import { DataTable, type Column } from '../../../components/DataTable';
import { useLocale } from '../../../i18n/LocaleContext';
import { formatDateTime } from '../../../lib/format';

function detailsText(details: AuditEntry['details']): string {
  const keys = Object.keys(details);
  return keys.length === 0 ? '' : JSON.stringify(details);
}

/** Audit entries, newest first. */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const { t, locale } = useLocale();
  const actor = (e: AuditEntry) =>
    e.actor_name ?? (e.actor_token_id !== null ? t('audit.token', { id: e.actor_token_id }) : t('audit.system'));
  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: t('audit.at'), render: (e) => <time dateTime={e.at}>{formatDateTime(locale, e.at)}</time>, className: 'nowrap' },
    { key: 'actor', header: t('audit.actor'), render: actor, className: 'nowrap' },
    { key: 'action', header: t('audit.action'), render: (e) => <code>{e.action}</code> },
    {
      key: 'target',
      header: t('audit.target'),
      render: (e) => (e.target_type ? `${e.target_type}${e.target_id !== null ? ` #${e.target_id}` : ''}` : t('common.none')),
      className: 'nowrap',
    },
    { key: 'ip', header: t('audit.ip'), render: (e) => e.ip, className: 'mono' },
    {
      key: 'details',
      header: t('audit.details'),
      render: (e) => {
        const text = detailsText(e.details);
        return <span className="truncate truncate--wide" title={text}>{text}</span>;
      },
    },
    {
      key: 'request',
      header: t('audit.requestId'),
      render: (e) => <span className="truncate mono small" title={e.request_id}>{e.request_id}</span>,
    },
  ];
  return (
    <DataTable caption={t('admin.audit')} columns={columns} rows={entries} rowKey={(e) => e.id} emptyText={t('audit.empty')} />
  );
}
