import { useCallback, useState } from 'react';
import { loadCampaign } from '../../api/loaders';
import type { CampaignDetail } from '../../api/types';
import { ResourceView } from '../../components/ResourceView';
import { useResource } from '../../lib/useResource';
import { BriefingPanel } from '../campaigns/BriefingPanel';

/** The current briefings the agent must acknowledge before the queue gives it contacts of their campaigns. */
export function PendingBriefings({ campaignIds, onAcknowledged }: { campaignIds: readonly number[]; onAcknowledged: () => void }) {
  return (
    <>
      {campaignIds.map((id) => (
        <PendingBriefing key={id} id={id} onAcknowledged={onAcknowledged} />
      ))}
    </>
  );
}

function PendingBriefing({ id, onAcknowledged }: { id: number; onAcknowledged: () => void }) {
  const campaign = useResource(useCallback(() => loadCampaign(id), [id]));
  return <ResourceView resource={campaign}>{(data) => <CampaignBriefing initial={data} onAcknowledged={onAcknowledged} />}</ResourceView>;
}

function CampaignBriefing({ initial, onAcknowledged }: { initial: CampaignDetail; onAcknowledged: () => void }) {
  const [campaign, setCampaign] = useState(initial);
  return (
    <div className="pending-briefing">
      <h3 className="subheading">{campaign.name}</h3>
      <BriefingPanel
        campaign={campaign}
        canAcknowledge
        onChanged={(changed) => {
          setCampaign(changed);
          if (changed.briefing_acknowledged_at) onAcknowledged();
        }}
      />
    </div>
  );
}
