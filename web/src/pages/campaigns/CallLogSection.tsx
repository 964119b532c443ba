import { useCallback, useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import type { CallLogAgent, CallLogEntry, CorrectionRequest, LedgerCheck } from '../../api/types';
import { DataTable, type Column } from '../../components/DataTable';
import { Notice } from '../../components/Notice';
import { ResourceView } from '../../components/ResourceView';
import { SectionCard } from '../../components/SectionCard';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useLocale } from '../../i18n/LocaleContext';
import type { MessageKey } from '../../i18n/translate';
import { errorText } from '../../lib/errorText';
import { formatDateTime } from '../../lib/format';
import { useLiveRefresh } from '../../lib/useLiveRefresh';
import { useResource } from '../../lib/useResource';
import { OUTCOMES, outcomeText } from '../workspace/outcomes';
import { formatDuration } from '../workspace/useTalkTimer';
import { CorrectionDialog } from './CorrectionDialog';

export const CALL_LOG_PAGE_SIZE = 25;

/** Calls recorded and corrections appended anywhere in the agency (the client's users get the interval refresh). */
const LIVE = ['calling'] as const;

type CallLogQuery = NonNullable<paths['/api/campaigns/{id}/attempts']['get']['parameters']['query']>;

interface Filters {
  agent: string;
  outcome: string;
  /** Calendar days "YYYY-MM-DD" in the browser's zone, both included; "" for open. */
  from: string;
  to: string;
  /** One entry only (after following a link to an entry that is not on the page). */
  seq: number | null;
}

const NO_FILTERS: Filters = { agent: '', outcome: '', from: '', to: '', seq: null };

/** The start of a calendar day in the browser's zone as the API's UTC time ("…T07:00:00Z"). */
function dayStart(day: string, plusDays = 0): string | undefined {
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  date.setDate(date.getDate() + plusDays);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The id of an entry's number cell, which a link to the entry focuses. */
const entryAnchor = (seq: number) => `call-log-entry-${seq}`;

interface CallLogSectionProps {
  campaignId: number;
  /** Supervision may correct entries (POST /api/call-attempts/{id}/corrections). */
  canCorrect: boolean;
}

/**
 * The campaign's call log as people read it, newest first and a page at a time, with filters; its hash chain checked
 * on the server or downloaded; and, for supervision, corrections appended to it. A corrected entry stays, struck
 * through, and links to the entry that corrected it.
 */
export function CallLogSection({ campaignId, canCorrect }: CallLogSectionProps) {
  const { t, locale } = useLocale();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const [correcting, setCorrecting] = useState<CallLogEntry | null>(null);
  const [saved, setSaved] = useState<{ seq: number; of: number } | null>(null);
  const [focusSeq, setFocusSeq] = useState<number | null>(null);
  const agents = useRef<readonly CallLogAgent[]>([]);
  const toBeforeFrom = filters.from !== '' && filters.to !== '' && filters.to < filters.from;

  const log = useResource(
    useCallback(async () => {
      const query: CallLogQuery = { limit: CALL_LOG_PAGE_SIZE, offset };
      if (filters.agent !== '') query.agent_id = Number(filters.agent);
      if (filters.outcome !== '') query.outcome = filters.outcome as CallLogQuery['outcome'];
      if (filters.seq !== null) query.seq = filters.seq;
      const from = filters.from !== '' ? dayStart(filters.from) : undefined;
      const to = filters.to !== '' && !toBeforeFrom ? dayStart(filters.to, 1) : undefined;
      if (from) query.from = from;
      if (to) query.to = to;
      const page = await unwrap(api.GET('/api/campaigns/{id}/attempts', { params: { path: { id: campaignId }, query } }));
      agents.current = page.agents;
      return page;
    }, [campaignId, filters, offset, toBeforeFrom]),
  );

  // The same page and filters again, as calls are recorded: the rows stay on screen until the new ones are there.
  useLiveRefresh(LIVE, log.reload, { debounceMs: 1000, intervalMs: 30_000 });

  // A link to an entry, or a saved correction, focuses the entry's row once it is on the page.
  useEffect(() => {
    if (focusSeq === null || log.status !== 'ready') return;
    const cell = document.getElementById(entryAnchor(focusSeq));
    if (cell) {
      cell.focus();
      setFocusSeq(null);
    }
  }, [focusSeq, log]);

  const change = (next: Partial<Filters>) => {
    setFilters((current) => ({ ...current, ...next }));
    setOffset(0);
    setSaved(null);
  };

  /** Shows the entry `seq`: on this page it gets the focus; otherwise the log shows it alone. */
  const showEntry = (seq: number, rows: readonly CallLogEntry[]) => {
    if (!rows.some((row) => row.seq === seq)) {
      setFilters({ ...NO_FILTERS, seq });
      setOffset(0);
    }
    setFocusSeq(seq);
  };

  async function saveCorrection(entry: CallLogEntry, body: CorrectionRequest): Promise<void> {
    const correction = await unwrap(api.POST('/api/call-attempts/{id}/corrections', { params: { path: { id: entry.id } }, body }));
    setCorrecting(null);
    setSaved({ seq: correction.seq, of: entry.seq });
    // The newest entries come first: the correction is on the first page, unless a filter hides it.
    setOffset(0);
    setFocusSeq(correction.seq);
    log.reload();
  }

  const columns = (rows: readonly CallLogEntry[]): Column<CallLogEntry>[] => [
    {
      key: 'seq',
      header: t('callLog.seq'),
      className: 'num',
      render: (e) => (
        <span id={entryAnchor(e.seq)} tabIndex={-1} className="call-log__seq">
          {e.seq}
        </span>
      ),
    },
    {
      key: 'when',
      header: t('callLog.when'),
      className: 'call-log__when',
      render: (e) => (
        <>
          <span className="nowrap">{formatDateTime(locale, e.started_at)}</span>
          <br />
          <span className="small muted">{e.agent_name}</span>
          {e.corrects_seq !== null && (
            <>
              <br />
              <span className="small muted">{t('callLog.correctedAt', { at: formatDateTime(locale, e.recorded_at) })}</span>
            </>
          )}
        </>
      ),
    },
    {
      key: 'person',
      header: t('callLog.person'),
      className: 'call-log__person',
      render: (e) => (
        <>
          {e.person_name || <span className="muted">{t('callLog.erased')}</span>}
          {e.company_name && (
            <>
              <br />
              <span className="small muted">{e.company_name}</span>
            </>
          )}
          <br />
          <span className="small nowrap" title={t('callLog.phone')}>
            {e.phone}
          </span>
        </>
      ),
    },
    {
      key: 'outcome',
      header: t('callLog.outcome'),
      render: (e) => (
        <>
          <span className={`badge badge--outcome-${e.outcome} call-log__struck`}>{outcomeText(t, e.outcome)}</span>
          {e.corrects_seq !== null && (
            <>
              <br />
              <button
                type="button"
                className="link-button small"
                onClick={() => showEntry(e.corrects_seq!, rows)}
                aria-label={t('callLog.correctsLabel', { seq: e.seq, of: e.corrects_seq })}
              >
                {t('callLog.corrects', { seq: e.corrects_seq })}
              </button>
            </>
          )}
          {e.corrected_by_seq !== null && (
            <>
              <br />
              <button
                type="button"
                className="link-button small call-log__corrected-by"
                onClick={() => showEntry(e.corrected_by_seq!, rows)}
                aria-label={t('callLog.correctedByLabel', { seq: e.seq, by: e.corrected_by_seq })}
              >
                {t('callLog.correctedBy', { seq: e.corrected_by_seq })}
              </button>
            </>
          )}
        </>
      ),
    },
    { key: 'talk', header: t('callLog.talk'), className: 'num', render: (e) => formatDuration(e.talk_seconds) },
    {
      key: 'note',
      header: t('callLog.note'),
      className: 'call-log__note',
      render: (e) => (
        <span className="call-log__struck">
          {e.reason && <strong>{e.reason}. </strong>}
          {e.note}
          {e.callback_at && <span className="small muted"> {t('workspace.callbackAt', { at: formatDateTime(locale, e.callback_at) })}</span>}
        </span>
      ),
    },
    ...(canCorrect
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            render: (e: CallLogEntry) =>
              e.corrected_by_seq === null && (
                <button type="button" className="button button--small" onClick={() => setCorrecting(e)} aria-label={t('callLog.correctLabel', { seq: e.seq })}>
                  {t('callLog.correct')}
                </button>
              ),
          },
        ]
      : []),
  ];

  const filtered = filters.agent !== '' || filters.outcome !== '' || filters.from !== '' || filters.to !== '' || filters.seq !== null;
  return (
    <SectionCard title={t('callLog.title')} intro={t('callLog.intro')}>
      <ChainCheck campaignId={campaignId} />
      <div className="filters call-log__filters" role="search" aria-label={t('callLog.filters')}>
        <SelectField
          label={t('callLog.agent')}
          value={filters.agent}
          onChange={(agent) => change({ agent, seq: null })}
          placeholder={t('callLog.allAgents')}
          options={agents.current.map((agent) => ({ value: String(agent.id), label: agent.name }))}
        />
        <SelectField
          label={t('callLog.outcome')}
          value={filters.outcome}
          onChange={(outcome) => change({ outcome, seq: null })}
          placeholder={t('callLog.allOutcomes')}
          options={OUTCOMES.map((choice) => ({ value: choice.outcome, label: outcomeText(t, choice.outcome) }))}
        />
        <TextField type="date" label={t('callLog.from')} value={filters.from} onChange={(from) => change({ from, seq: null })} />
        <TextField
          type="date"
          label={t('callLog.to')}
          value={filters.to}
          onChange={(to) => change({ to, seq: null })}
          error={toBeforeFrom ? t('callLog.toBeforeFrom') : undefined}
        />
        {filtered && (
          <button type="button" className="button" onClick={() => change(NO_FILTERS)}>
            {t('callLog.reset')}
          </button>
        )}
      </div>
      {filters.seq !== null && (
        <Notice kind="info">
          {t('callLog.onlySeq', { seq: filters.seq })}{' '}
          <button type="button" className="button button--small" onClick={() => change(NO_FILTERS)}>
            {t('callLog.showAll')}
          </button>
        </Notice>
      )}
      {saved && <Notice kind="success">{t('callLog.corrected', saved)}</Notice>}
      <ResourceView resource={log}>
        {(page) => (
          <>
            <DataTable
              caption={t('callLog.title')}
              rows={page.attempts}
              rowKey={(e) => e.id}
              emptyText={filtered || offset > 0 ? t('callLog.noMatches') : t('callLog.empty')}
              rowClassName={(e) => (e.corrected_by_seq !== null ? 'row--corrected' : undefined)}
              columns={columns(page.attempts)}
            />
            <nav className="pager" aria-label={t('callLog.pages')}>
              <button type="button" className="button button--small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - CALL_LOG_PAGE_SIZE))}>
                ← {t('leads.previous')}
              </button>
              <span className="muted small" aria-live="polite">
                {page.attempts.length > 0 ? t('callLog.range', { from: offset + 1, to: offset + page.attempts.length, total: page.total }) : ''}
              </span>
              <button
                type="button"
                className="button button--small"
                disabled={offset + page.attempts.length >= page.total}
                onClick={() => setOffset(offset + CALL_LOG_PAGE_SIZE)}
              >
                {t('leads.next')} →
              </button>
            </nav>
          </>
        )}
      </ResourceView>
      {correcting && (
        <CorrectionDialog entry={correcting} onSubmit={(body) => saveCorrection(correcting, body)} onClose={() => setCorrecting(null)} />
      )}
    </SectionCard>
  );
}

/** What a broken link can be (docs/call-ledger.md). */
const PROBLEMS: readonly string[] = ['hash', 'prev_hash', 'seq'];

/** Verify chain (the server's check, OK or the first broken entry) and the chain as a download. */
function ChainCheck({ campaignId }: { campaignId: number }) {
  const { t } = useLocale();
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<LedgerCheck | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function verify(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      setCheck(await unwrap(api.GET('/api/campaigns/{id}/ledger/verify', { params: { path: { id: campaignId } } })));
    } catch (caught) {
      setCheck(null);
      setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="call-log__chain">
      <div className="row-actions">
        <button type="button" className="button" onClick={() => void verify()} disabled={busy}>
          {busy ? t('callLog.verifying') : t('callLog.verify')}
        </button>
        <a className="button" href={`/api/campaigns/${campaignId}/ledger`} download={`campaign-${campaignId}-ledger.txt`}>
          {t('callLog.download')}
        </a>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      {check?.ok && (
        <Notice kind="success">
          {t('callLog.intact', { n: check.checked })}
          <br />
          <span className="small">
            {t('callLog.head')} <code className="call-log__hash">{check.head}</code>
          </span>
        </Notice>
      )}
      {check && !check.ok && check.broken && (
        <Notice kind="error">
          {t('callLog.broken', {
            seq: check.broken.seq,
            line: check.broken.line,
            checked: check.checked,
            problem: PROBLEMS.includes(check.broken.problem) ? t(`callLog.problem.${check.broken.problem}` as MessageKey) : check.broken.problem,
          })}
        </Notice>
      )}
    </div>
  );
}
