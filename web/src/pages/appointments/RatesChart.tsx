import { useCallback } from 'react';
import { api, unwrap } from '../../api/client';
import { withId } from '../../api/loaders';
import type { AppointmentRates } from '../../api/types';
import { ResourceView } from '../../components/ResourceView';
import { useLocale } from '../../i18n/LocaleContext';
import type { MessageKey } from '../../i18n/translate';
import { useResource } from '../../lib/useResource';
import { ChartLegend } from '../../components/ChartLegend';

type RateField = 'confirmation_rate' | 'no_show_rate' | 'qualified_rate';
const SERIES: readonly (readonly [RateField, MessageKey])[] = [
  ['confirmation_rate', 'rates.confirmation'],
  ['no_show_rate', 'rates.noShow'],
  ['qualified_rate', 'rates.qualified'],
];

/** Confirmation, no-show and qualified rates of the campaign and each rep, as bars from 0 to 100 % (plain CSS). */
export function RatesChart({ campaignId, generation }: { campaignId: number; generation: number }) {
  const { t } = useLocale();
  const rates = useResource(
    useCallback(() => {
      void generation;
      return unwrap(api.GET('/api/campaigns/{id}/appointment-rates', withId(campaignId)));
    }, [campaignId, generation]),
  );
  return (
    <ResourceView resource={rates}>
      {(data) => (
        <figure className="chart" aria-labelledby={`rates-${campaignId}`}>
          <figcaption id={`rates-${campaignId}`} className="section__subtitle">
            {t('rates.title')}
          </figcaption>
          <ChartLegend series={SERIES.map(([key, label]) => [key, t(label)] as const)} />
          {[{ name: t('rates.campaign'), line: data.campaign, key: 'all' }, ...data.reps.map((r) => ({ name: r.rep_name, line: r, key: String(r.rep_id) }))].map(
            ({ name, line, key }) => (
              <RateGroup key={key} name={name} line={line} />
            ),
          )}
        </figure>
      )}
    </ResourceView>
  );
}

function RateGroup({ name, line }: { name: string; line: AppointmentRates }) {
  const { t } = useLocale();
  return (
    <div className="chart__group" role="group" aria-label={name}>
      <div className="chart__label">
        {name} <span className="muted">· {t('rates.counts', { appointments: line.appointments, held: line.held, noShow: line.no_show })}</span>
      </div>
      {SERIES.map(([field, label]) => {
        const rate = line[field];
        return (
          <div key={field} className="chart__row">
            <span className="visually-hidden">{t(label)}</span>
            <span className="chart__track">
              {rate !== null && rate !== undefined && <span className={`chart__bar chart__bar--${field}`} style={{ width: `${rate * 100}%` }} />}
            </span>
            <span className="chart__value">{rate === null || rate === undefined ? '–' : `${Math.round(rate * 100)} %`}</span>
          </div>
        );
      })}
    </div>
  );
}
