import type { Locale, SupervisionCampaign } from '../../api/types';
import type { Column } from '../../components/DataTable';
import type { MessageKey, Translate } from '../../i18n/translate';
import { formatShare } from './figures';

type Figures = Omit<SupervisionCampaign, 'campaign_id' | 'name'>;
type Count = 'calls_today' | 'calls_last_hour' | 'reached_today' | 'appointments_today' | 'missed_30d';

const HEADERS: Readonly<Record<Count, MessageKey>> = {
  calls_today: 'supervision.callsToday',
  calls_last_hour: 'supervision.callsLastHour',
  reached_today: 'supervision.reached',
  appointments_today: 'supervision.appointments',
  missed_30d: 'supervision.missed30d',
};

/** A right-aligned column of one of today's counts, for agents and campaigns alike. */
export function countColumn<T extends Figures>(t: Translate, field: Count): Column<T> {
  return { key: field, header: t(HEADERS[field]), className: 'num', render: (row) => row[field] };
}

/** Callbacks due within the hour / overdue, the overdue ones in red when there are any. */
export function callbacksColumn<T extends Figures>(t: Translate): Column<T> {
  return {
    key: 'callbacks',
    header: t('supervision.callbacksDueOverdue'),
    className: 'num',
    render: (row) => (
      <>
        {row.callbacks_due} / <span className={row.callbacks_overdue > 0 ? 'text--danger' : undefined}>{row.callbacks_overdue}</span>
      </>
    ),
  };
}

/** The share of personal callbacks kept on time over 30 days. */
export function punctualityColumn<T extends Figures>(t: Translate, locale: Locale): Column<T> {
  return { key: 'punctuality', header: t('supervision.punctuality'), className: 'num', render: (row) => formatShare(t, locale, row.punctuality) };
}
