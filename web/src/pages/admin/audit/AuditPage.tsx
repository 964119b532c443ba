import { useCallback, useEffect, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import type { AuditEntry } from '../../../api/types';
import { Notice } from '../../../components/Notice';
import { useT } from '../../../i18n/LocaleContext';
import { errorText } from '../../../lib/errorText';
import { AdminLayout } from '../AdminLayout';
import { AuditTable } from './AuditTable';

const PAGE_SIZE = 50;

interface AuditState {
  entries: AuditEntry[];
  nextBeforeId: number | null;
  loaded: boolean;
}

/** The audit log, newest first, with "load more" for older entries. */
export function AuditPage() {
  const t = useT();
  const [state, setState] = useState<AuditState>({ entries: [], nextBeforeId: null, loaded: false });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const loadPage = useCallback(
    async (beforeId: number | null) => {
      setBusy(true);
      setError(null);
      try {
        const query = beforeId === null ? { limit: PAGE_SIZE } : { limit: PAGE_SIZE, before_id: beforeId };
        const page = await unwrap(api.GET('/api/audit', { params: { query } }));
        setState((current) => ({
          entries: beforeId === null ? page.entries : [...current.entries, ...page.entries],
          nextBeforeId: page.next_before_id,
          loaded: true,
        }));
      } catch (caught) {
        setError(errorText(t, caught));
      }
      setBusy(false);
    },
    [t],
  );

  useEffect(() => {
    void loadPage(null);
    // load the first page once; the language does not change the data
  }, []);

  return (
    <AdminLayout>
      {error && <Notice kind="error">{error}</Notice>}
      {state.loaded ? (
        <AuditTable entries={state.entries} />
      ) : (
        busy && (
          <p className="muted" role="status">
            {t('app.loading')}
          </p>
        )
      )}
      <div className="table-footer">
        {state.loaded && state.nextBeforeId !== null && (
          <button type="button" className="button" disabled={busy} onClick={() => void loadPage(state.nextBeforeId)}>
            {busy ? t('app.loading') : t('audit.loadMore')}
          </button>
        )}
        {state.loaded && state.nextBeforeId === null && state.entries.length > 0 && <p className="muted">{t('audit.end')}</p>}
      </div>
    </AdminLayout>
  );
}
