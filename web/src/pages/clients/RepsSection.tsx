import { useCallback, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { loadReps, withId } from '../../api/loaders';
import type { Rep } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable, type Column } from '../../components/DataTable';
import { Notice } from '../../components/Notice';
import { ResourceView } from '../../components/ResourceView';
import { SecretDialog } from '../../components/SecretDialog';
import { SectionCard } from '../../components/SectionCard';
import { useT } from '../../i18n/LocaleContext';
import { errorText } from '../../lib/errorText';
import { useResource } from '../../lib/useResource';
import { BlockedTimesDialog } from './BlockedTimesDialog';
import { RepDialog } from './RepDialog';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; rep: Rep }
  | { kind: 'toggle'; rep: Rep }
  | { kind: 'feed'; rep: Rep; url: string }
  | { kind: 'blocked'; rep: Rep }
  | null;

/** The client's field sales reps with their territories; managers add, edit and deactivate them. */
export function RepsSection({ clientId, canManage }: { clientId: number; canManage: boolean }) {
  const t = useT();
  const reps = useResource(useCallback(() => loadReps(clientId), [clientId]));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const columns: Column<Rep>[] = [
    { key: 'name', header: t('reps.name'), render: (r) => <strong>{r.name}</strong> },
    { key: 'email', header: t('reps.email'), render: (r) => r.email || t('common.none') },
    { key: 'phone', header: t('reps.phone'), render: (r) => r.phone || t('common.none') },
    { key: 'base', header: t('reps.base'), render: (r) => (r.city ? `${r.postal_code} ${r.city}`.trim() : t('common.none')) },
    {
      key: 'territories',
      header: t('reps.territories'),
      render: (r) => (r.territories ? <span className="mono">{r.territories.replaceAll(',', ', ')}</span> : t('common.none')),
    },
    {
      key: 'status',
      header: t('reps.status'),
      render: (r) => (
        <>
          <span className={`badge ${r.active ? 'badge--active' : 'badge--inactive'}`}>{r.active ? t('reps.active') : t('reps.inactive')}</span>
          {r.has_feed && <span className="badge"> {t('reps.hasFeed')}</span>}
        </>
      ),
    },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      className: 'nowrap',
      render: (r) => (
        <div className="row-actions">
          <button type="button" className="button button--small" onClick={() => setDialog({ kind: 'edit', rep: r })} aria-label={`${t('common.edit')}: ${r.name}`}>
            {t('common.edit')}
          </button>
          <button type="button" className="button button--small" onClick={() => setDialog({ kind: 'blocked', rep: r })} aria-label={`${t('blocked.button')}: ${r.name}`}>
            {t('blocked.button')}
          </button>
          <button type="button" className="button button--small" onClick={() => void issueFeed(r)} aria-label={`${t('reps.feed')}: ${r.name}`}>
            {t('reps.feed')}
          </button>
          {r.calendar_url && (
            <button type="button" className="button button--small" onClick={() => void refreshCalendar(r)} aria-label={`${t('reps.refreshCalendar')}: ${r.name}`}>
              {t('reps.refreshCalendar')}
            </button>
          )}
          <button
            type="button"
            className={`button button--small ${r.active ? 'button--danger-outline' : ''}`}
            onClick={() => setDialog({ kind: 'toggle', rep: r })}
            aria-label={`${r.active ? t('reps.deactivate') : t('reps.reactivate')}: ${r.name}`}
          >
            {r.active ? t('reps.deactivate') : t('reps.reactivate')}
          </button>
        </div>
      ),
    });
  }

  async function issueFeed(rep: Rep): Promise<void> {
    try {
      const issued = await unwrap(api.POST('/api/reps/{id}/feed-token', withId(rep.id)));
      setDialog({ kind: 'feed', rep, url: `${window.location.origin}${issued.path}` });
      reps.reload();
    } catch (caught) {
      setMessage(null);
      setError(errorText(t, caught));
    }
  }

  async function refreshCalendar(rep: Rep): Promise<void> {
    setError(null);
    try {
      const result = await unwrap(api.POST('/api/reps/{id}/calendar/refresh', withId(rep.id)));
      setMessage(t('reps.calendarImported', { name: rep.name, imported: result.imported, skipped: result.skipped }));
    } catch (caught) {
      setMessage(null);
      setError(errorText(t, caught));
    }
  }

  function done(text: string): void {
    setDialog(null);
    setMessage(text);
    reps.reload();
  }

  return (
    <SectionCard title={t('reps.title')} intro={t('reps.intro')}>
      {canManage && (
        <div className="toolbar toolbar--end">
          <button type="button" className="button" onClick={() => setDialog({ kind: 'create' })}>
            {t('reps.new')}
          </button>
        </div>
      )}
      {message && <Notice kind="success">{message}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      <ResourceView resource={reps}>
        {(rows) => (
          <DataTable
            caption={t('reps.title')}
            columns={columns}
            rows={rows}
            rowKey={(r) => r.id}
            emptyText={t('reps.empty')}
            rowClassName={(r) => (r.active ? undefined : 'row--muted')}
          />
        )}
      </ResourceView>
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <RepDialog
          clientId={clientId}
          {...(dialog.kind === 'edit' ? { rep: dialog.rep } : {})}
          onClose={() => setDialog(null)}
          onSaved={(rep) => done(t('reps.saved', { name: rep.name }))}
        />
      )}
      {dialog?.kind === 'blocked' && (
        <BlockedTimesDialog rep={dialog.rep} onClose={() => setDialog(null)} onSaved={(count) => done(t('blocked.saved', { name: dialog.rep.name, count }))} />
      )}
      {dialog?.kind === 'feed' && (
        <SecretDialog
          title={t('reps.feedTitle', { name: dialog.rep.name })}
          label={t('reps.feedLabel')}
          secret={dialog.url}
          notice={t('reps.feedNotice')}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'toggle' && (
        <ConfirmDialog
          title={dialog.rep.active ? t('reps.deactivate') : t('reps.reactivate')}
          message={t(dialog.rep.active ? 'reps.deactivateConfirm' : 'reps.reactivateConfirm', { name: dialog.rep.name })}
          confirmLabel={dialog.rep.active ? t('reps.deactivate') : t('reps.reactivate')}
          danger={dialog.rep.active}
          onCancel={() => setDialog(null)}
          onConfirm={async () => {
            const rep = await unwrap(api.PATCH('/api/reps/{id}', { ...withId(dialog.rep.id), body: { active: !dialog.rep.active } }));
            done(t('reps.saved', { name: rep.name }));
          }}
        />
      )}
    </SectionCard>
  );
}
