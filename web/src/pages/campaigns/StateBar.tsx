import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { withId } from '../../api/loaders';
import type { CampaignDetail, CampaignState } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Notice } from '../../components/Notice';
import { useT } from '../../i18n/LocaleContext';
import { errorText } from '../../lib/errorText';

interface StateBarProps {
  campaign: CampaignDetail;
  onChanged: (campaign: CampaignDetail) => void;
}

/** Activate, pause, finish; archive and restore. A refusal of the server (no caller ID, …) is shown above. */
export function StateBar({ campaign, onChanged }: StateBarProps) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<'finished' | 'archive' | null>(null);

  async function changeState(state: CampaignState): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      onChanged(await unwrap(api.POST('/api/campaigns/{id}/state', { ...withId(campaign.id), body: { state } })));
    } catch (caught) {
      setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  }

  const { state, archived } = campaign;
  const open = !archived && state !== 'finished';
  return (
    <div className="state-bar">
      {error && <Notice kind="error">{error}</Notice>}
      <div className="row-actions">
        <span className={`badge badge--${state}`}>{t(`campaigns.state.${state}`)}</span>
        {archived && <span className="badge badge--inactive">{t('campaigns.archivedBadge')}</span>}
        {open && (state === 'draft' || state === 'paused') && (
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void changeState('active')}>
            {t('campaigns.activate')}
          </button>
        )}
        {open && state === 'active' && (
          <button type="button" className="button" disabled={busy} onClick={() => void changeState('paused')}>
            {t('campaigns.pause')}
          </button>
        )}
        {open && (
          <button type="button" className="button button--danger-outline" disabled={busy} onClick={() => setConfirm('finished')}>
            {t('campaigns.finish')}
          </button>
        )}
        <button type="button" className="button" disabled={busy} onClick={() => setConfirm('archive')}>
          {archived ? t('campaigns.restore') : t('campaigns.archive')}
        </button>
      </div>
      {confirm && (
        <ConfirmDialog
          title={confirm === 'finished' ? t('campaigns.finish') : archived ? t('campaigns.restore') : t('campaigns.archive')}
          message={t(
            confirm === 'finished' ? 'campaigns.finishConfirm' : archived ? 'campaigns.restoreConfirm' : 'campaigns.archiveConfirm',
            { name: campaign.name },
          )}
          confirmLabel={confirm === 'finished' ? t('campaigns.finish') : archived ? t('campaigns.restore') : t('campaigns.archive')}
          danger={confirm === 'finished' || !archived}
          onCancel={() => setConfirm(null)}
          onConfirm={async () => {
            const changed =
              confirm === 'finished'
                ? await unwrap(api.POST('/api/campaigns/{id}/state', { ...withId(campaign.id), body: { state: 'finished' } }))
                : await unwrap(api.PATCH('/api/campaigns/{id}', { ...withId(campaign.id), body: { archived: !archived } }));
            setConfirm(null);
            setError(null);
            onChanged(changed);
          }}
        />
      )}
    </div>
  );
}
