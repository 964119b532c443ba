import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { withId } from '../../api/loaders';
import type { CampaignDetail } from '../../api/types';
import { Notice } from '../../components/Notice';
import { SectionCard } from '../../components/SectionCard';
import { useLocale } from '../../i18n/LocaleContext';
import { errorText } from '../../lib/errorText';
import { formatDateTime } from '../../lib/format';

interface BriefingPanelProps {
  campaign: CampaignDetail;
  /** Whether the user calls (permission workspace.use) and so acknowledges briefings. */
  canAcknowledge: boolean;
  onChanged: (campaign: CampaignDetail) => void;
}

/** The current briefing as an agent reads it, with the acknowledgement that they have read it. */
export function BriefingPanel({ campaign, canAcknowledge, onChanged }: BriefingPanelProps) {
  const { t, locale } = useLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const briefing = campaign.briefing;

  async function acknowledge(version: number): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      onChanged(await unwrap(api.POST('/api/campaigns/{id}/briefing-acknowledgements', { ...withId(campaign.id), body: { version } })));
    } catch (caught) {
      setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <SectionCard title={t('setup.briefing')}>
      {!briefing ? (
        <p className="muted">{t('briefing.none')}</p>
      ) : (
        <>
          <p className="small muted">
            {t('briefing.version', { n: briefing.version })} · {formatDateTime(locale, briefing.created_at)}
            {briefing.created_by_name && ` · ${briefing.created_by_name}`}
          </p>
          <div className="briefing-text briefing-text--read">{briefing.body}</div>
          {error && <Notice kind="error">{error}</Notice>}
          {campaign.briefing_acknowledged_at ? (
            <Notice kind="success">{t('briefing.acknowledgedAt', { at: formatDateTime(locale, campaign.briefing_acknowledged_at) })}</Notice>
          ) : (
            canAcknowledge && (
              <div>
                <Notice kind="info">{t('briefing.pleaseAcknowledge')}</Notice>
                <button type="button" className="button button--primary" disabled={busy} onClick={() => void acknowledge(briefing.version)}>
                  {t('briefing.acknowledge', { n: briefing.version })}
                </button>
              </div>
            )
          )}
        </>
      )}
    </SectionCard>
  );
}
