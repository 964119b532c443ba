import type { SupervisionCampaign } from '../../api/types';
import { useT } from '../../i18n/LocaleContext';
import type { MessageKey } from '../../i18n/translate';
import { ChartLegend } from '../../components/ChartLegend';

const SERIES: readonly (readonly ['calls_today' | 'reached_today' | 'appointments_today', MessageKey])[] = [
  ['calls_today', 'supervision.callsToday'],
  ['reached_today', 'supervision.reached'],
  ['appointments_today', 'supervision.appointments'],
];

/** Calls, reached decision makers and appointments of today per campaign, as bars on one scale (plain CSS). */
export function CampaignChart({ campaigns }: { campaigns: readonly SupervisionCampaign[] }) {
  const t = useT();
  const max = Math.max(1, ...campaigns.flatMap((c) => SERIES.map(([field]) => c[field])));
  return (
    <figure className="card chart" aria-labelledby="supervision-chart-title">
      <figcaption id="supervision-chart-title" className="section__title">
        {t('supervision.chart')}
      </figcaption>
      <ChartLegend series={SERIES.map(([key, label]) => [key, t(label)] as const)} />
      {campaigns.length === 0 && <p className="muted">{t('supervision.noCampaigns')}</p>}
      {campaigns.map((campaign) => (
        <div key={campaign.campaign_id} className="chart__group" role="group" aria-label={campaign.name}>
          <div className="chart__label">{campaign.name}</div>
          {SERIES.map(([field, label]) => (
            <div key={field} className="chart__row">
              <span className="visually-hidden">{t(label)}</span>
              <span className="chart__track">
                <span className={`chart__bar chart__bar--${field}`} style={{ width: `${(campaign[field] / max) * 100}%` }} />
              </span>
              <span className="chart__value">{campaign[field]}</span>
            </div>
          ))}
        </div>
      ))}
    </figure>
  );
}
