import { useCallback, useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { SupervisionSnapshot } from '../../api/types';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/LocaleContext';
import { errorText } from '../../lib/errorText';
import { useLiveRefresh } from '../../lib/useLiveRefresh';
import { browserTimeZone, formatInZone } from '../../lib/zonedTime';
import { AgentsTable } from './AgentsTable';
import { CallbacksTable } from './CallbacksTable';
import { CampaignChart } from './CampaignChart';
import { CampaignFigures } from './CampaignFigures';

const LIVE = ['calling'] as const;

interface Loaded {
  snapshot: SupervisionSnapshot;
  /** Browser time of the answer: durations run on from the server's generated_at by the time since. */
  receivedAt: number;
}

/**
 * The agency's calling as it happens: agents with their state, the campaigns' figures of today, the callbacks
 * due or overdue with reassignment. Refetched (debounced) on every `calling` event and every 30 s.
 */
export function SupervisionPage() {
  const { t, locale } = useLocale();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  const refresh = useCallback(async () => {
    try {
      const snapshot = await unwrap(api.GET('/api/supervision'));
      setLoaded({ snapshot, receivedAt: Date.now() });
      setNow(Date.now());
      setError(null);
    } catch (caught) {
      setError(errorText(t, caught));
    }
  }, [t]);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useLiveRefresh(LIVE, () => void refresh(), { debounceMs: 750, intervalMs: 30_000 });
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, []);

  const serverNow = loaded ? new Date(loaded.snapshot.generated_at).getTime() + (now - loaded.receivedAt) : now;
  return (
    <div className="supervision">
      <PageHeader title={t('supervision.title')}>
        {loaded && (
          <span className="muted small">
            <span className="live-dot" aria-hidden="true" /> {t('supervision.updated', { at: formatInZone(locale, loaded.snapshot.generated_at, browserTimeZone(), false) })}
          </span>
        )}
      </PageHeader>
      {error && <Notice kind="error">{error}</Notice>}
      {!loaded && !error && (
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
      )}
      {loaded && (
        <>
          <AgentsTable agents={loaded.snapshot.agents} serverNow={serverNow} />
          <div className="supervision-campaigns">
            <CampaignFigures campaigns={loaded.snapshot.campaigns} />
            <CampaignChart campaigns={loaded.snapshot.campaigns} />
          </div>
          <CallbacksTable callbacks={loaded.snapshot.callbacks} agents={loaded.snapshot.agents} onChanged={() => void refresh()} />
        </>
      )}
    </div>
  );
}
