import { useState } from 'react';
import { loadCampaigns } from '../../api/loaders';
import { PageHeader } from '../../components/PageHeader';
import { ResourceView } from '../../components/ResourceView';
import { useT } from '../../i18n/LocaleContext';
import { useLiveEvents } from '../../lib/useLiveEvents';
import { useResource } from '../../lib/useResource';
import { navigate } from '../../router/history';
import { useSignedIn } from '../../session/SessionContext';
import { CampaignTable } from './CampaignTable';
import { CreateCampaignDialog } from './CreateCampaignDialog';

const CAMPAIGN_EVENTS = ['campaign.changed'] as const;

/** All campaigns of the agency; each leads to its setup (or, for agents, to its briefing). */
export function CampaignsPage() {
  const t = useT();
  const { access } = useSignedIn();
  const campaigns = useResource(loadCampaigns);
  useLiveEvents(CAMPAIGN_EVENTS, campaigns.reload);
  const [creating, setCreating] = useState(false);
  const canCreate = access.permissions.has('campaigns.manage');
  return (
    <>
      <PageHeader title={t('campaigns.title')}>
        {canCreate && (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            {t('campaigns.new')}
          </button>
        )}
      </PageHeader>
      <ResourceView resource={campaigns}>{(rows) => <CampaignTable campaigns={rows} showClient linked />}</ResourceView>
      {creating && <CreateCampaignDialog onClose={() => setCreating(false)} onCreated={(c) => navigate(`/campaigns/${c.id}`)} />}
    </>
  );
}
