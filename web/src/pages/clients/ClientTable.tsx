import type { Client } from '../../api/types';
import { DataTable, type Column } from '../../components/DataTable';
import { useT } from '../../i18n/LocaleContext';
import { Link } from '../../router/Link';

/** Clients with industry, city and number of campaigns; the name leads to the client's page. */
export function ClientTable({ clients }: { clients: readonly Client[] }) {
  const t = useT();
  const columns: Column<Client>[] = [
    {
      key: 'name',
      header: t('clients.name'),
      render: (c) => (
        <Link href={`/clients/${c.id}`}>
          <strong>{c.name}</strong>
        </Link>
      ),
    },
    { key: 'industry', header: t('clients.industry'), render: (c) => c.industry || t('common.none') },
    { key: 'city', header: t('clients.city'), render: (c) => c.city || t('common.none') },
    { key: 'country', header: t('clients.country'), render: (c) => c.country },
    { key: 'campaigns', header: t('clients.campaigns'), render: (c) => c.campaign_count, className: 'numeric' },
    { key: 'archived', header: t('clients.archived'), render: (c) => (c.archived ? t('common.yes') : t('common.no')) },
  ];
  return (
    <DataTable
      caption={t('clients.title')}
      columns={columns}
      rows={clients}
      rowKey={(c) => c.id}
      emptyText={t('clients.empty')}
      rowClassName={(c) => (c.archived ? 'row--muted' : undefined)}
    />
  );
}
