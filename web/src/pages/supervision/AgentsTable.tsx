import type { SupervisionAgent } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { SectionCard } from '../../components/SectionCard';
import { useLocale } from '../../i18n/LocaleContext';
import { callbacksColumn, countColumn, punctualityColumn } from './figureColumns';
import { formatLasting } from './figures';

/** Every agent seen today: state (coloured) and for how long, the campaign and lead at hand, today's figures. */
export function AgentsTable({ agents, serverNow }: { agents: readonly SupervisionAgent[]; serverNow: number }) {
  const { t, locale } = useLocale();
  return (
    <SectionCard title={t('supervision.agents')}>
      <DataTable
        caption={t('supervision.agents')}
        rows={agents}
        rowKey={(agent) => agent.user_id}
        emptyText={t('supervision.noAgents')}
        rowClassName={(agent) => (agent.state === 'away' ? 'row--muted' : undefined)}
        columns={[
          { key: 'name', header: t('supervision.agent'), render: (agent) => agent.name },
          {
            key: 'state',
            header: t('supervision.state'),
            className: 'nowrap',
            render: (agent) => (
              <>
                <span className={`badge badge--presence-${agent.state}`}>{t(`presence.${agent.state}`)}</span>{' '}
                <span className="small muted">{formatLasting(t, serverNow - new Date(agent.since).getTime())}</span>
              </>
            ),
          },
          {
            key: 'campaign',
            header: t('supervision.campaign'),
            render: (agent) => (
              <>
                {agent.campaign_name ?? t('common.none')}
                {agent.lead_id !== null && <span className="small muted"> · {t('reminders.lead', { id: agent.lead_id })}</span>}
              </>
            ),
          },
          countColumn(t, 'calls_today'),
          countColumn(t, 'calls_last_hour'),
          countColumn(t, 'reached_today'),
          countColumn(t, 'appointments_today'),
          callbacksColumn(t),
          punctualityColumn(t, locale),
        ]}
      />
    </SectionCard>
  );
}
