import { useCallback, useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { loadCampaigns } from '../../api/loaders';
import type { Campaign } from '../../api/types';
import { ResourceView } from '../../components/ResourceView';
import { useLocale } from '../../i18n/LocaleContext';
import type { MessageKey } from '../../i18n/translate';
import { useLiveRefresh } from '../../lib/useLiveRefresh';
import { useResource } from '../../lib/useResource';
import { browserTimeZone, formatInZone } from '../../lib/zonedTime';

const LIVE = ['calling'] as const;

const loadUpcoming = async () => (await unwrap(api.GET('/api/workspace/callbacks'))).callbacks;
// the campaign names are a nicety: a failure leaves the numbers
const loadCampaignNames = async (): Promise<Campaign[]> => loadCampaigns().catch(() => []);

/** The agent's callbacks due within 30 minutes or overdue, earliest first; refreshed live and every 30 s. */
export function CallbackReminders({ generation }: { generation: number }) {
  const { t, locale } = useLocale();
  const callbacks = useResource(loadUpcoming);
  const campaigns = useResource(loadCampaignNames);
  const [now, setNow] = useState(() => Date.now());
  const { reload } = callbacks;
  const refresh = useCallback(() => {
    setNow(Date.now());
    reload();
  }, [reload]);
  useLiveRefresh(LIVE, refresh, { debounceMs: 500, intervalMs: 30_000 });
  // the page's own changes (an outcome, a callback booked) count as well
  useEffect(() => {
    if (generation > 0) refresh();
  }, [generation, refresh]);

  const names = new Map(campaigns.status === 'ready' ? campaigns.data.map((c) => [c.id, c.name] as const) : []);
  const zone = browserTimeZone();
  return (
    <section className="card reminders" aria-label={t('reminders.title')}>
      <h2 className="section__title">{t('reminders.title')}</h2>
      <ResourceView resource={callbacks}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted small">{t('reminders.empty')}</p>
          ) : (
            <ul className="reminder-list">
              {list.map((callback) => {
                const overdue = new Date(callback.due_at).getTime() < now;
                return (
                  <li key={callback.id} className={`reminder${overdue ? ' reminder--overdue' : ''}`}>
                    <span className="reminder__time">{formatInZone(locale, callback.due_at, zone)}</span>
                    {overdue && <span className="badge badge--overdue">{t('reminders.overdue')}</span>}{' '}
                    <span className={`badge badge--callback-${callback.kind}`}>{t(`callbackKind.${callback.kind}` as MessageKey)}</span>
                    <span className="reminder__what small">
                      {names.get(callback.campaign_id) ?? t('reminders.campaign', { id: callback.campaign_id })} · {callback.person_name || t('reminders.lead', { id: callback.lead_id })}
                      {callback.note && ` — ${callback.note}`}
                    </span>
                  </li>
                );
              })}
            </ul>
          )
        }
      </ResourceView>
      <p className="small muted">{t('reminders.hint')}</p>
    </section>
  );
}
