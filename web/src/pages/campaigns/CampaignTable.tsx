import type { Campaign } from '../../api/types';
import { DataTable, type Column } from '../../components/DataTable';
import { useLocale } from '../../i18n/LocaleContext';
import { formatDate } from '../../lib/format';
import { Link } from '../../router/Link';
import { goalKindText } from './goalKind';

interface CampaignTableProps {
  campaigns: readonly Campaign[];
  /** Hide the client column where all campaigns belong to one client. */
  showClient: boolean;
  /** Whether the names lead to the campaign's page. */
  linked?: boolean;
}

/** Campaigns with client, state, goal and period. */
export function CampaignTable({ campaigns, showClient, linked = false }: CampaignTableProps) {
  const { t, locale } = useLocale();
  const columns: Column<Campaign>[] = [
    {
      key: 'name',
      header: t('campaigns.name'),
      render: (c) =>
        linked ? (
          <Link href={`/campaigns/${c.id}`}>
            <strong>{c.name}</strong>
          </Link>
        ) : (
          <strong>{c.name}</strong>
        ),
    },
    ...(showClient ? [{ key: 'client', header: t('campaigns.client'), render: (c: Campaign) => c.client_name }] : []),
    {
      key: 'state',
      header: t('campaigns.state'),
      render: (c) => <span className={`badge badge--${c.state}`}>{t(`campaigns.state.${c.state}`)}</span>,
    },
    { key: 'goal', header: t('campaigns.goal'), render: (c) => `${c.goal_target} ${goalKindText(t, c.goal_kind)}` },
    {
      key: 'period',
      header: t('campaigns.period'),
      render: (c) =>
        c.starts_on || c.ends_on
          ? `${formatDate(locale, c.starts_on)} – ${formatDate(locale, c.ends_on)}`
          : t('common.none'),
    },
  ];
  return (
    <DataTable
      caption={t('campaigns.title')}
      columns={columns}
      rows={campaigns}
      rowKey={(c) => c.id}
      emptyText={t('campaigns.empty')}
      rowClassName={(c) => (c.archived ? 'row--muted' : undefined)}
    />
  );
}
