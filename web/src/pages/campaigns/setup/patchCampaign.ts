import { api, unwrap } from '../../../api/client';
import { withId } from '../../../api/loaders';
import type { CampaignDetail, UpdateCampaignRequest } from '../../../api/types';

/** Sends the changed setup fields of a campaign and returns the whole campaign as the server keeps it. */
export function patchCampaign(id: number, body: UpdateCampaignRequest): Promise<CampaignDetail> {
  return unwrap(api.PATCH('/api/campaigns/{id}', { ...withId(id), body }));
}

/** What every setup section gets: the campaign and where to put the server's answer. */
export interface SectionProps {
  campaign: CampaignDetail;
  onSaved: (campaign: CampaignDetail) => void;
}

/** A whole number typed into a field, or undefined. */
export function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}
