import type { SupervisionCampaign } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { SectionCard } from '../../components/SectionCard';
import { useLocale } from '../../i18n/LocaleContext';
import { callbacksColumn, countColumn, punctualityColumn } from './figureColumns';

/** The running campaigns' figures of today, their callbacks and their punctuality over 30 days. */
export function CampaignFigures({ campaigns }: { campaigns: readonly SupervisionCampaign[] }) {
  const { t, locale } = useLocale();
  return (
    <SectionCard title={t('supervision.campaigns')}>
      <DataTable
        caption={t('supervision.campaigns')}
        rows={campaigns}
        rowKey={(campaign) => campaign.campaign_id}
        emptyText={t('supervision.noCampaigns')}
        columns={[
          { key: 'name', header: t('supervision.campaign'), render: (campaign) => campaign.name },
          countColumn(t, 'calls_today'),
          countColumn(t, 'reached_today'),
          countColumn(t, 'appointments_today'),
          callbacksColumn(t),
          countColumn(t, 'missed_30d'),
          punctualityColumn(t, locale),
        ]}
      />
    </SectionCard>
  );
}
