import { useCallback, useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { withId } from '../../api/loaders';
import type { Escalation, LeadCard, OutcomeRequest } from '../../api/types';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/LocaleContext';
import { errorText } from '../../lib/errorText';
import { useLiveRefresh } from '../../lib/useLiveRefresh';
import { browserTimeZone, formatInZone } from '../../lib/zonedTime';
import { useSignedIn } from '../../session/SessionContext';
import { LeadHistory } from '../workspace/LeadHistory';
import { EscalationsTable } from './EscalationsTable';
import { ResolveDialog } from './ResolveDialog';

const LIVE = ['calling'] as const;

interface Resolved {
  name: string;
  seq: number;
  /** The lead card after the call back, when the viewer may read it: its earlier calls now end with this one. */
  card: LeadCard | null;
}

/**
 * Second level's queue: the questions agents handed over from their calls, earliest promise first, overdue ones
 * marked; each is resolved by calling the person back and recording that call. Refetched (debounced) on every
 * `calling` event and every 30 s, as the supervision board is.
 */
export function SecondLevelPage() {
  const { t, locale } = useLocale();
  const { session, access } = useSignedIn();
  // The lead card (the person's numbers and zone for the call back, earlier calls) is open to supervision roles and
  // to the campaign's specialists for an escalated lead; anyone else works from what the escalation itself says.
  const readsCards = access.permissions.has('supervision.view') || access.permissions.has('workspace.use');
  const [escalations, setEscalations] = useState<Escalation[] | null>(null);
  const [cards, setCards] = useState<ReadonlyMap<number, LeadCard>>(new Map());
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [resolving, setResolving] = useState<Escalation | null>(null);
  const [resolved, setResolved] = useState<Resolved | null>(null);
  const requested = useRef(new Set<number>());

  const loadCard = useCallback(async (leadId: number): Promise<LeadCard | null> => {
    if (!readsCards) return null;
    try {
      const card = await unwrap(api.GET('/api/workspace/leads/{id}', withId(leadId)));
      setCards((known) => new Map(known).set(leadId, card));
      return card;
    } catch {
      // the row still shows what the escalation says
      return null;
    }
  }, [readsCards]);

  const refresh = useCallback(async () => {
    try {
      const list = (await unwrap(api.GET('/api/escalations'))).escalations;
      setEscalations(list);
      setUpdatedAt(new Date());
      setError(null);
      for (const escalation of list) {
        if (requested.current.has(escalation.lead_id)) continue;
        requested.current.add(escalation.lead_id);
        void loadCard(escalation.lead_id);
      }
    } catch (caught) {
      setError(errorText(t, caught));
    }
  }, [t, loadCard]);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useLiveRefresh(LIVE, () => void refresh(), { debounceMs: 750, intervalMs: 30_000 });

  async function resolve(escalation: Escalation, call: OutcomeRequest): Promise<void> {
    const answer = await unwrap(api.POST('/api/escalations/{id}/resolve', { ...withId(escalation.id), body: call }));
    setResolving(null);
    setResolved({ name: escalation.person_name, seq: answer.seq, card: null });
    void refresh();
    const card = await loadCard(escalation.lead_id);
    setResolved({ name: escalation.person_name, seq: answer.seq, card });
  }

  const overdue = escalations?.filter((e) => e.overdue).length ?? 0;
  return (
    <div className="second-level">
      <PageHeader title={t('secondLevel.title')}>
        {overdue > 0 && <span className="badge badge--overdue">{t('secondLevel.overdueCount', { n: overdue })}</span>}
        {updatedAt && (
          <span className="muted small">
            <span className="live-dot" aria-hidden="true" /> {t('supervision.updated', { at: formatInZone(locale, updatedAt, browserTimeZone(), false) })}
          </span>
        )}
      </PageHeader>
      {error && <Notice kind="error">{error}</Notice>}
      {resolved && <Notice kind="success">{t('resolve.done', { name: resolved.name, seq: resolved.seq })}</Notice>}
      {!escalations && !error && (
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
      )}
      {escalations && <EscalationsTable escalations={escalations} onResolve={setResolving} />}
      {resolved?.card && <LeadHistory card={resolved.card} userId={session.user.id} title={t('resolve.historyOf', { name: resolved.name })} />}
      {resolving && (
        <ResolveDialog
          escalation={resolving}
          card={cards.get(resolving.lead_id) ?? null}
          onClose={() => setResolving(null)}
          onSubmit={(call) => resolve(resolving, call)}
        />
      )}
    </div>
  );
}
