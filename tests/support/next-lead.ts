import { expect } from '@playwright/test';
import type { ApiSession } from './api';

interface Answer {
  lead_id: number | null;
  empty_reason: string | null;
  briefings_pending: number[];
}

/**
 * Next through the API until a lead comes: acknowledges pending briefings on the way, and when nothing is due (a
 * public holiday somewhere in Germany) calls `nextDay` (which moves the server a day on and signs in again, since a
 * day ends idle sessions) and tries again. `agent` is read anew on every try for that reason.
 */
export async function nextLeadByApi<T extends Answer>(agent: () => ApiSession, nextDay: () => Promise<void>): Promise<T> {
  for (let tries = 0; tries < 8; tries++) {
    const session = agent();
    const post = (path: string, data?: unknown) =>
      session.api.post(path, { headers: { 'X-CSRF-Token': session.csrf }, ...(data === undefined ? {} : { data }) });
    const response = await post('/api/workspace/next');
    expect(response.status(), await response.text()).toBe(200);
    const assignment = (await response.json()) as T;
    if (assignment.lead_id) return assignment;
    if (assignment.empty_reason === 'briefing' || assignment.briefings_pending.length > 0) {
      for (const campaignId of assignment.briefings_pending) {
        const detail = await session.api.get(`/api/campaigns/${campaignId}`);
        expect(detail.status(), await detail.text()).toBe(200);
        const version = ((await detail.json()) as { briefing: { version: number } }).briefing.version;
        const acknowledged = await post(`/api/campaigns/${campaignId}/briefing-acknowledgements`, { version });
        expect(acknowledged.status(), await acknowledged.text()).toBe(200);
      }
      continue;
    }
    expect(assignment.empty_reason).toBe('nothing_due');
    await nextDay();
  }
  throw new Error('no lead came within a week of mornings');
}
