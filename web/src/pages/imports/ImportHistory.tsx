import { useCallback, type ReactNode } from 'react';
import { api, unwrap } from '../../api/client';
import { withId } from '../../api/loaders';
import type { Import } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { ResourceView } from '../../components/ResourceView';
import { SectionCard } from '../../components/SectionCard';
import { useLocale } from '../../i18n/LocaleContext';
import type { MessageKey } from '../../i18n/translate';
import { formatDateTime } from '../../lib/format';
import { useLiveEvents } from '../../lib/useLiveEvents';
import { useResource } from '../../lib/useResource';

const IMPORT_EVENTS = ['import.changed'] as const;

/** The client's imports, newest first, with their counts and rejects reports. */
export function ImportHistory({ clientId, action }: { clientId: number; action?: ReactNode }) {
  const { t, locale } = useLocale();
  const imports = useResource(useCallback(async () => (await unwrap(api.GET('/api/clients/{id}/imports', withId(clientId)))).imports, [clientId]));
  useLiveEvents(IMPORT_EVENTS, imports.reload);
  return (
    <SectionCard title={t('import.history')}>
      {action && <div className="toolbar toolbar--end">{action}</div>}
      <ResourceView resource={imports}>
        {(rows) => (
          <DataTable<Import>
            caption={t('import.history')}
            rows={rows}
            rowKey={(job) => job.id}
            emptyText={t('import.historyEmpty')}
            columns={[
              { key: 'when', header: t('import.when'), render: (job) => formatDateTime(locale, job.created_at), className: 'nowrap' },
              { key: 'file', header: t('import.fileName'), render: (job) => <span className="truncate">{job.file_name || `#${job.id}`}</span> },
              {
                key: 'state',
                header: t('import.state'),
                render: (job) => <span className={`badge badge--import-${job.state}`}>{t(`import.state.${job.state}` as MessageKey)}</span>,
              },
              { key: 'imported', header: t('import.imported'), render: (job) => job.imported, className: 'num' },
              { key: 'merged', header: t('import.merged'), render: (job) => job.merged, className: 'num' },
              { key: 'skipped', header: t('import.skipped'), render: (job) => job.skipped_duplicates + job.skipped_blocked, className: 'num' },
              {
                key: 'rejected',
                header: t('import.rejected'),
                className: 'num',
                render: (job) =>
                  job.rejected > 0 ? (
                    <a href={`/api/imports/${job.id}/rejects.csv`} download={`rejects-${job.id}.csv`} aria-label={t('import.rejectsOf', { n: job.rejected, file: job.file_name })}>
                      {job.rejected}
                    </a>
                  ) : (
                    job.rejected
                  ),
              },
            ]}
          />
        )}
      </ResourceView>
    </SectionCard>
  );
}
