import { performance } from 'node:perf_hooks';
import { expect, type APIResponse } from '@playwright/test';
import { createClientAs, type ApiSession } from './api';

// Many agents working one campaign's queue at once over HTTP: the setup through the API, the agents' loop with what
// each of them held and when, and the checks that need no server (overlapping holds).

/** Runs `work` on every item with at most `limit` of them in flight; the results in the items' order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

async function json<T>(response: APIResponse, status: number): Promise<T> {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(status);
  return (await response.json()) as T;
}

const post = (session: ApiSession, path: string, data?: unknown) =>
  session.api.post(path, { headers: { 'X-CSRF-Token': session.csrf }, ...(data === undefined ? {} : { data }) });

export interface CallingCampaign {
  id: number;
  clientId: number;
  briefingVersion: number;
}

/**
 * A German client with a draft campaign of `leads` leads (one person each, a Berlin number, imported as a CSV with
 * the campaign named), its briefing, and a caller ID: ready to staff and activate.
 */
export async function createCampaignWithLeads(admin: ApiSession, leads: number): Promise<CallingCampaign> {
  const client = await createClientAs(admin, 'Lastkunde');
  const campaign = await json<{ id: number }>(
    await post(admin, '/api/campaigns', { client_id: client.id, name: `Lasttest ${client.name}`, caller_id: '030 99887766' }),
    201,
  );
  const briefing = await json<{ version: number }>(
    await post(admin, `/api/campaigns/${campaign.id}/briefings`, { body: 'Besetzt? Dann später noch einmal.' }),
    201,
  );

  let csv = 'Firma;Vorname;Nachname;Telefon\r\n';
  for (let i = 0; i < leads; i++) csv += `Last ${i} GmbH;Lea;Lastig ${i};030 ${4000000 + i}\r\n`;
  const upload = await json<{ id: number }>(
    await admin.api.post(`/api/clients/${client.id}/imports?name=last.csv`, {
      data: Buffer.from(csv),
      headers: { 'X-CSRF-Token': admin.csrf, 'Content-Type': 'text/csv' },
    }),
    201,
  );
  await json(await post(admin, `/api/imports/${upload.id}/run`, { campaign_id: campaign.id }), 202);
  let job = { state: '', imported: 0, error: '' };
  await expect
    .poll(async () => {
      job = await json<typeof job>(await admin.api.get(`/api/imports/${upload.id}`), 200);
      return job.state;
    }, { timeout: 60_000, message: `import ${upload.id} did not finish` })
    .toMatch(/done|failed/);
  expect(job.error).toBe('');
  expect(job.imported, 'every lead of the CSV imported').toBe(leads);
  return { id: campaign.id, clientId: client.id, briefingVersion: briefing.version };
}

/** Makes `agents` the campaign's agents and activates it. */
export async function staffAndActivate(admin: ApiSession, campaign: CallingCampaign, agents: number[]): Promise<void> {
  await json(await admin.api.put(`/api/campaigns/${campaign.id}/staff`, { data: { agents }, headers: { 'X-CSRF-Token': admin.csrf } }), 200);
  await json(await post(admin, `/api/campaigns/${campaign.id}/state`, { state: 'active' }), 200);
}

export async function acknowledgeBriefing(agent: ApiSession, campaign: CallingCampaign): Promise<void> {
  await json(await post(agent, `/api/campaigns/${campaign.id}/briefing-acknowledgements`, { version: campaign.briefingVersion }), 200);
}

interface Assignment {
  lead_id: number | null;
  empty_reason: string | null;
  card: { phones: { e164: string }[] } | null;
}

/** Presses Next once; the lead (null when nothing came, with the reason) and the number to dial. */
export async function pressNext(agent: ApiSession): Promise<{ lead: number | null; reason: string | null; phone: string | null }> {
  const assignment = await json<Assignment>(await post(agent, '/api/workspace/next'), 200);
  return { lead: assignment.lead_id, reason: assignment.empty_reason, phone: assignment.card?.phones[0]?.e164 ?? null };
}

export async function releaseLead(agent: ApiSession, lead: number): Promise<void> {
  expect((await post(agent, `/api/workspace/leads/${lead}/release`)).status()).toBe(204);
}

/** Outcomes that only reschedule the lead (by at least the campaign's minimum gap of an hour). */
export const RETRY_OUTCOMES = ['busy', 'no_answer', 'voicemail', 'gatekeeper'] as const;

/**
 * One press of Next and the call's outcome, as one agent saw it. Times are the test process's monotonic clock in
 * milliseconds: the lead was certainly the agent's from `nextAnswered` (the lease was committed before the answer
 * left the server) until `outcomeSent` (the outcome cannot be committed before it is sent). A longer span (until the
 * outcome's answer) could overlap a colleague's legitimately: the server may commit the outcome, lease the lead to
 * someone else and answer that Next before the first agent has read its outcome's answer.
 */
export interface Cycle {
  agent: number;      // user id
  server: number;     // index of the process the agent works through
  nextSent: number;
  nextStatus: number;
  lead: number | null;
  emptyReason: string | null;
  nextAnswered: number;
  outcome: string | null;
  outcomeSent: number | null;
  outcomeStatus: number | null;
  outcomeError: string | null;
  outcomeAnswered: number | null;
  seq: number | null; // the attempt's place in the campaign's call log, from the outcome's answer
}

/**
 * An agent's shift: `cycles` times Next, a short call (up to `talkMs`, so that holds last a while), a retry outcome.
 * Nothing here throws on a wrong answer: every answer is recorded and checked by the caller once all agents are done.
 */
export async function workShift(agent: ApiSession, server: number, cycles: number, talkMs: number): Promise<Cycle[]> {
  const done: Cycle[] = [];
  for (let i = 0; i < cycles; i++) {
    const nextSent = performance.now();
    const next = await post(agent, '/api/workspace/next');
    const cycle: Cycle = {
      agent: agent.user.id, server, nextSent, nextStatus: next.status(), lead: null, emptyReason: null,
      nextAnswered: performance.now(), outcome: null, outcomeSent: null, outcomeStatus: null, outcomeError: null,
      outcomeAnswered: null, seq: null,
    };
    done.push(cycle);
    if (next.status() !== 200) {
      cycle.emptyReason = await next.text();
      continue;
    }
    const assignment = (await next.json()) as Assignment;
    cycle.lead = assignment.lead_id;
    cycle.emptyReason = assignment.empty_reason;
    const phone = assignment.card?.phones[0]?.e164;
    if (cycle.lead === null || !phone) continue;

    await new Promise((resolve) => setTimeout(resolve, Math.random() * talkMs));
    cycle.outcome = RETRY_OUTCOMES[(agent.user.id + i) % RETRY_OUTCOMES.length]!;
    cycle.outcomeSent = performance.now();
    const recorded = await post(agent, `/api/workspace/leads/${cycle.lead}/outcome`, { outcome: cycle.outcome, phone, talk_seconds: 0 });
    cycle.outcomeAnswered = performance.now();
    cycle.outcomeStatus = recorded.status();
    if (recorded.status() === 201) {
      cycle.seq = ((await recorded.json()) as { seq: number }).seq;
    } else {
      cycle.outcomeError = await recorded.text();
    }
  }
  return done;
}

/** Pairs of cycles in which two agents held the same lead at the same time (see Cycle for what "held" means). */
export function overlappingHolds(cycles: readonly Cycle[]): [Cycle, Cycle][] {
  const byLead = new Map<number, Cycle[]>();
  for (const c of cycles) {
    if (c.lead === null || c.outcomeSent === null) continue;
    byLead.set(c.lead, [...(byLead.get(c.lead) ?? []), c]);
  }
  const overlaps: [Cycle, Cycle][] = [];
  for (const holds of byLead.values()) {
    holds.sort((a, b) => a.nextAnswered - b.nextAnswered);
    for (let i = 0; i < holds.length; i++) {
      for (let j = i + 1; j < holds.length && holds[j]!.nextAnswered < holds[i]!.outcomeSent!; j++) {
        overlaps.push([holds[i]!, holds[j]!]);
      }
    }
  }
  return overlaps;
}

/** The most agents that were at work at one moment: from sending Next until the last answer of their cycle. */
export function peakAtWork(cycles: readonly Cycle[]): number {
  const edges = cycles.flatMap((c) => [
    { at: c.nextSent, step: 1 },
    { at: c.outcomeAnswered ?? c.nextAnswered, step: -1 },
  ]);
  edges.sort((a, b) => a.at - b.at || a.step - b.step);
  let now = 0;
  let peak = 0;
  for (const edge of edges) peak = Math.max(peak, (now += edge.step));
  return peak;
}

export interface LedgerEntry {
  seq: number;
  lead: number;
  agent: number;
  outcome: string;
}

/** The campaign's call log download (docs/call-ledger.md), one entry a line. */
export async function readLedger(session: ApiSession, campaignId: number): Promise<{ text: string; entries: LedgerEntry[] }> {
  const response = await session.api.get(`/api/campaigns/${campaignId}/ledger`);
  expect(response.status()).toBe(200);
  const text = await response.text();
  const entries = text.split('\n').filter((line) => line !== '').map((line) => {
    // <hash> <prev_hash> ["termintreu-call-v1", campaign_id, seq, lead_id, person_id, agent_id, phone, caller_id, outcome, …]
    const fields = JSON.parse(line.slice(line.indexOf(' ', line.indexOf(' ') + 1) + 1)) as unknown[];
    return { seq: fields[2] as number, lead: fields[3] as number, agent: fields[5] as number, outcome: fields[8] as string };
  });
  return { text, entries };
}
