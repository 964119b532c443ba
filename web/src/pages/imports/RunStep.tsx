import { Fragment, useCallback, useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { withId } from '../../api/loaders';
import type { Import } from '../../api/types';
import { Notice } from '../../components/Notice';
import { ProgressBar } from '../../components/ProgressBar';
import { useT } from '../../i18n/LocaleContext';
import { errorText } from '../../lib/errorText';
import { useLiveEvents } from '../../lib/useLiveEvents';

const IMPORT_EVENTS = ['import.progress', 'import.changed'] as const;
/** While the import runs, its progress is also asked for this often, should an event be missed. */
const POLL_MS = 500;

interface RunStepProps {
  started: Import;
  onAgain: () => void;
}

/** Steps 4 and 5: the running import's progress, then what became of every row. */
export function RunStep({ started, onAgain }: RunStepProps) {
  const t = useT();
  const [job, setJob] = useState(started);
  const [error, setError] = useState<string | null>(null);
  const finished = job.state === 'done' || job.state === 'failed';

  const refresh = useCallback(async () => {
    try {
      setJob(await unwrap(api.GET('/api/imports/{id}', withId(started.id))));
      setError(null);
    } catch (caught) {
      setError(errorText(t, caught));
    }
  }, [started.id, t]);
  useLiveEvents(IMPORT_EVENTS, () => void (finished ? undefined : refresh()));

  useEffect(() => {
    if (finished) return;
    const timer = window.setTimeout(() => void refresh(), POLL_MS);
    return () => window.clearTimeout(timer);
  }, [job, finished, refresh]);

  const total = finished ? job.rows_done : Math.max(job.rows_total, job.rows_done);
  return (
    <section className="section" aria-label={t('import.stepRun')}>
      <ProgressBar
        label={t('import.progress')}
        value={finished ? total : job.rows_done}
        max={total}
        valueText={finished ? t('import.rowsRead', { n: job.rows_done }) : t('import.rowsOf', { done: job.rows_done, total })}
      />
      {error && <Notice kind="error">{error}</Notice>}
      {job.state === 'failed' && <Notice kind="error">{t('import.failed', { message: job.error })}</Notice>}
      {job.state === 'done' && <ImportSummary job={job} />}
      {finished && (
        <div className="toolbar">
          <button type="button" className="button" onClick={onAgain}>
            {t('import.another')}
          </button>
        </div>
      )}
    </section>
  );
}

/** The counts of a finished import and its rejects report. */
export function ImportSummary({ job }: { job: Import }) {
  const t = useT();
  const counts = [
    ['import.imported', job.imported],
    ['import.merged', job.merged],
    ['import.skippedDuplicates', job.skipped_duplicates],
    ['import.skippedBlocked', job.skipped_blocked],
    ['import.rejected', job.rejected],
  ] as const;
  return (
    <section className="card import-summary" aria-label={t('import.summary')}>
      <h3 className="subheading">{t('import.summary')}</h3>
      <Notice kind={job.rejected > 0 ? 'info' : 'success'}>{t('import.doneText', { n: job.rows_done })}</Notice>
      <dl className="facts">
        {counts.map(([key, value]) => (
          <Fragment key={key}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      {job.rejected > 0 && (
        <p>
          <a className="button" href={`/api/imports/${job.id}/rejects.csv`} download={`rejects-${job.id}.csv`}>
            {t('import.downloadRejects')}
          </a>{' '}
          <span className="muted small">{t('import.rejectsHint')}</span>
        </p>
      )}
    </section>
  );
}
