import { useCallback, useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import { withId } from '../../api/loaders';
import type { Callback, EscalationRequest, LeadCard, OutcomeRecorded, OutcomeRequest, PresenceState, WorkspaceAssignment } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/LocaleContext';
import { errorText } from '../../lib/errorText';
import { formatDateTime } from '../../lib/format';
import { browserTimeZone, formatInZone } from '../../lib/zonedTime';
import { useSignedIn } from '../../session/SessionContext';
import { AppointmentDialog } from './AppointmentDialog';
import { CallbackDialog, type CallbackKind } from './CallbackDialog';
import { CallbackReminders } from './CallbackReminders';
import { EscalateDialog } from './EscalateDialog';
import { LeadCardView } from './LeadCardView';
import { LeadHistory } from './LeadHistory';
import { OutcomePanel } from './OutcomePanel';
import { outcomeForKey, outcomeText, type OutcomeChoice } from './outcomes';
import { PendingBriefings } from './PendingBriefings';
import { personName } from './person';
import { InfoMailDialog } from './InfoMailDialog';
import { ReasonDialog } from './ReasonDialog';
import { ScriptPanel } from './ScriptPanel';
import { Shortcuts } from './Shortcuts';
import { usePresence } from './usePresence';
import { TalkTimeReadout } from './TalkTimeReadout';
import { useTalkTimer } from './useTalkTimer';

interface Held {
  card: LeadCard;
  callback: Callback | null;
  fetchedAt: number;
}

interface Recorded extends OutcomeRecorded {
  outcome: OutcomeRequest['outcome'];
  name: string;
}

type Asking = 'callback' | 'reason' | 'objection' | 'escalate' | 'mail' | 'appointment' | null;

/** An escalation this agent just raised: to whom the answer was promised, and for when in their zone. */
interface Escalated {
  name: string;
  promisedAt: string;
  timeZone: string;
}

/** Fields in which a key is typed, not a shortcut. */
function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Elements on which Enter already does something of its own. */
function activatable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a[href], summary, [role="button"]') !== null;
}

/**
 * The agent's workspace: Next gives the best due contact (leased to this agent), the card shows whom to call and
 * how, the outcome moves the lead on. Everything works by keyboard: N/Enter next, D dial, 1–9, 0, - and X
 * outcomes, / notes, O objections, E escalate to second level, S skip, P pause.
 */
export function WorkspacePage() {
  const { t, locale } = useLocale();
  const { session } = useSignedIn();
  const [assignment, setAssignment] = useState<WorkspaceAssignment | null>(null);
  const [held, setHeld] = useState<Held | null>(null);
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const [released, setReleased] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [paused, setPaused] = useState(false);
  const [notes, setNotes] = useState('');
  const [dialled, setDialled] = useState<string | null>(null);
  const [asking, setAsking] = useState<Asking>(null);
  const [escalated, setEscalated] = useState<Escalated | null>(null);
  // bumped after every change this page makes, so the reminder list follows at once
  const [generation, setGeneration] = useState(0);
  const timer = useTalkTimer();
  const { start: startTimer, reset: resetTimer, read: readTimer } = timer;
  const nextRef = useRef<HTMLButtonElement>(null);
  const notesRef = useRef<HTMLTextAreaElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const cardRef = useRef<HTMLDivElement>(null);

  const presence: PresenceState = paused ? 'paused' : held ? 'on_call' : 'ready';
  usePresence(presence);

  const next = useCallback(async () => {
    setBusy(true);
    setError(null);
    setRecorded(null);
    setReleased(false);
    setEscalated(null);
    try {
      const answer = await unwrap(api.POST('/api/workspace/next'));
      let card = answer.card;
      if (answer.lead_id !== null && card === null) card = await unwrap(api.GET('/api/workspace/leads/{id}', withId(answer.lead_id)));
      setAssignment(answer);
      setHeld(card ? { card, callback: answer.callback, fetchedAt: Date.now() } : null);
      setNotes('');
      setDialled(null);
      resetTimer();
      setGeneration((g) => g + 1);
    } catch (caught) {
      setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  }, [t, resetTimer]);

  // after Next the card takes the focus (its first number), after an outcome the Next button does
  useEffect(() => {
    if (held) cardRef.current?.querySelector<HTMLElement>('.phone-link')?.focus();
    else if (!paused) nextRef.current?.focus();
  }, [held, paused]);

  const dial = useCallback(
    (e164: string) => {
      setDialled(e164);
      startTimer();
    },
    [startTimer],
  );

  const record = useCallback(
    async (outcome: OutcomeRequest['outcome'], extra: Pick<OutcomeRequest, 'reason' | 'callback' | 'email' | 'appointment'> = {}) => {
      if (!held) return;
      const phone = dialled ?? held.card.phones[0]?.e164;
      if (!phone) return;
      const talk = readTimer();
      const body: OutcomeRequest = { outcome, phone, ...extra, ...(talk ?? {}) };
      if (notes.trim() !== '') body.note = notes.trim();
      const result = await unwrap(api.POST('/api/workspace/leads/{id}/outcome', { ...withId(held.card.lead.id), body }));
      setRecorded({ ...result, outcome, name: personName(held.card) });
      setHeld(null);
      setAsking(null);
      setNotes('');
      setDialled(null);
      resetTimer();
      setGeneration((g) => g + 1);
    },
    [held, dialled, notes, readTimer, resetTimer],
  );

  const choose = useCallback(
    (choice: OutcomeChoice) => {
      if (!held || busy) return;
      if (choice.asks === 'callback') setAsking('callback');
      else if (choice.asks === 'reason') setAsking('reason');
      else if (choice.asks === 'confirm') setAsking('objection');
      else if (choice.asks === 'mail') setAsking('mail');
      else if (choice.asks === 'appointment') setAsking('appointment');
      else {
        setBusy(true);
        setError(null);
        record(choice.outcome)
          .catch((caught: unknown) => setError(errorText(t, caught)))
          .finally(() => setBusy(false));
      }
    },
    [held, busy, record, t],
  );

  const skip = useCallback(async () => {
    if (!held) return;
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/workspace/leads/{id}/release', withId(held.card.lead.id)));
      setHeld(null);
      setReleased(true);
      setNotes('');
      setDialled(null);
      resetTimer();
      setGeneration((g) => g + 1);
    } catch (caught) {
      // the lease lapsed or the lead was taken away: it is not this agent's any more either way
      if (caught instanceof ApiError && (caught.status === 409 || caught.status === 404)) setHeld(null);
      setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  }, [held, t, resetTimer]);

  const escalate = useCallback(
    async (request: EscalationRequest) => {
      if (!held) return;
      const raised = await unwrap(api.POST('/api/workspace/leads/{id}/escalations', { ...withId(held.card.lead.id), body: request }));
      setEscalated({ name: personName(held.card), promisedAt: raised.promised_at, timeZone: held.card.time_zone });
      setAsking(null);
    },
    [held],
  );

  // the shortcuts; the latest state is read through a ref so the listener is added once
  const keys = useRef<(event: KeyboardEvent) => void>(() => undefined);
  keys.current = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    if (typingIn(event.target) || document.querySelector('dialog[open]')) return;
    const key = event.key;
    const lower = key.toLowerCase();
    if (lower === 'p' && !held) {
      event.preventDefault();
      setPaused((p) => !p);
      return;
    }
    if (!held) {
      const enterOnPage = key === 'Enter' && !activatable(event.target);
      if ((lower === 'n' || enterOnPage) && !busy && !paused) {
        event.preventDefault();
        void next();
      }
      return;
    }
    if (lower === 'd') {
      const first = cardRef.current?.querySelector<HTMLAnchorElement>('.phone-link');
      if (first) {
        event.preventDefault();
        first.click();
      }
    } else if (key === '/') {
      event.preventDefault();
      notesRef.current?.focus();
    } else if (lower === 'o' && searchRef.current) {
      event.preventDefault();
      searchRef.current.focus();
    } else if (lower === 'e' && !busy) {
      event.preventDefault();
      setAsking('escalate');
    } else if (lower === 's' && !busy) {
      event.preventDefault();
      void skip();
    } else {
      const choice = outcomeForKey(key);
      if (choice) {
        event.preventDefault();
        choose(choice);
      }
    }
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keys.current(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  const pending = assignment?.briefings_pending ?? [];
  const name = held ? personName(held.card) : '';
  const hasNumber = held !== null && held.card.phones.length > 0;

  return (
    <>
      <PageHeader title={t('workspace.title')}>
        <span className={`badge badge--presence-${presence}`} role="status">
          {t(`presence.${presence}`)}
        </span>
        <button type="button" className="button" aria-pressed={paused} disabled={held !== null} onClick={() => setPaused((p) => !p)} aria-keyshortcuts="P">
          {paused ? t('workspace.resume') : t('workspace.pause')} <kbd className="kbd">P</kbd>
        </button>
      </PageHeader>
      <div className="workspace">
        <div className="workspace__main">
          <div className="card workspace__bar">
            {held ? (
              <>
                <TalkTimeReadout running={timer.running} seconds={timer.seconds} hint={t('workspace.timerHint')} />
                <button type="button" className="button" disabled={busy} onClick={() => setAsking('escalate')} aria-keyshortcuts="E">
                  {t('workspace.escalate')} <kbd className="kbd">E</kbd>
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => void skip()} aria-keyshortcuts="S">
                  {t('workspace.skip')} <kbd className="kbd">S</kbd>
                </button>
              </>
            ) : (
              <>
                <button
                  ref={nextRef}
                  type="button"
                  className="button button--primary button--next"
                  disabled={paused}
                  aria-busy={busy}
                  onClick={() => {
                    // not disabled while busy, so that the focus stays on it for the next Enter
                    if (!busy) void next();
                  }}
                  aria-keyshortcuts="N Enter"
                >
                  {busy ? t('workspace.fetching') : t('workspace.next')} <kbd className="kbd kbd--light">N</kbd>
                </button>
                <p className="muted small workspace__bar-hint">{paused ? t('workspace.pausedHint') : t('workspace.nextHint')}</p>
              </>
            )}
          </div>
          {error && <Notice kind="error">{error}</Notice>}
          {recorded && (
            <Notice kind="success">
              {t('workspace.recorded', { outcome: outcomeText(t, recorded.outcome), name: recorded.name, seq: recorded.seq })}
              {recorded.next_call_at && ` ${t('workspace.nextCallAt', { at: formatDateTime(locale, recorded.next_call_at) })}`}
              {recorded.callback_id !== null && ` ${t('workspace.callbackBooked')}`}
              {recorded.appointment_id !== null && ` ${t('workspace.appointmentBooked')}`} {t('workspace.pressNext')}
            </Notice>
          )}
          {released && <Notice kind="info">{t('workspace.released')}</Notice>}
          {escalated && (
            <Notice kind="success">
              {t('workspace.escalated', { name: escalated.name })}{' '}
              {t('workspace.escalatedFor', {
                theirs: formatInZone(locale, escalated.promisedAt, escalated.timeZone),
                zone: escalated.timeZone,
                yours: formatInZone(locale, escalated.promisedAt, browserTimeZone()),
              })}
            </Notice>
          )}
          {held ? (
            <>
              <div ref={cardRef}>
                <LeadCardView card={held.card} callback={held.callback} fetchedAt={held.fetchedAt} dialled={dialled} onDial={dial} />
              </div>
              {!hasNumber && <Notice kind="error">{t('workspace.noNumberToRecord')}</Notice>}
              <OutcomePanel busy={busy} enabled={hasNumber} onChoose={choose} notes={notes} onNotes={setNotes} notesRef={notesRef} />
              <LeadHistory card={held.card} userId={session.user.id} />
            </>
          ) : (
            assignment &&
            assignment.lead_id === null && (
              <section className="card workspace__empty" aria-label={t('workspace.nothing')}>
                <h2 className="section__title">{t('workspace.nothing')}</h2>
                <p>{t(`workspace.empty.${assignment.empty_reason ?? 'nothing_due'}`)}</p>
              </section>
            )
          )}
          {!held && pending.length > 0 && (
            <section className="workspace__briefings" aria-label={t('workspace.briefingsTitle')}>
              <h2 className="section__title">{t('workspace.briefingsTitle')}</h2>
              <p className="muted">{t('workspace.briefingsText')}</p>
              <PendingBriefings campaignIds={pending} onAcknowledged={() => setGeneration((g) => g + 1)} />
            </section>
          )}
        </div>
        <aside className="workspace__side" aria-label={t('workspace.side')}>
          <CallbackReminders generation={generation} />
          {held && <ScriptPanel card={held.card} searchRef={searchRef} />}
          <Shortcuts />
        </aside>
      </div>
      {held && asking === 'callback' && (
        <CallbackDialog
          timeZone={held.card.time_zone}
          personName={name}
          onClose={() => setAsking(null)}
          onSubmit={(at: string, kind: CallbackKind) => record('callback', { callback: { at, kind } })}
        />
      )}
      {held && asking === 'escalate' && (
        <EscalateDialog timeZone={held.card.time_zone} personName={name} onClose={() => setAsking(null)} onSubmit={escalate} />
      )}
      {held && asking === 'reason' && (
        <ReasonDialog personName={name} onClose={() => setAsking(null)} onSubmit={(reason) => record('not_interested', { reason })} />
      )}
      {held && asking === 'mail' && (
        <InfoMailDialog
          card={held.card}
          personName={name}
          onClose={() => setAsking(null)}
          onSubmit={(email) => record('info_mail', email === undefined ? {} : { email })}
        />
      )}
      {held && asking === 'appointment' && (
        <AppointmentDialog
          leadId={held.card.lead.id}
          timeZone={held.card.time_zone}
          personName={name}
          notes={notes}
          onClose={() => setAsking(null)}
          onSubmit={(appointment) => record('appointment', { appointment })}
        />
      )}
      {held && asking === 'objection' && (
        <ConfirmDialog
          title={t('objection.title')}
          message={t('objection.message', { name })}
          confirmLabel={t('objection.confirm')}
          danger
          onCancel={() => setAsking(null)}
          onConfirm={() => record('objection')}
        />
      )}
    </>
  );
}
