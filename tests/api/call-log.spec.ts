import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { apiSignIn, apiSignInAs, type ApiSession } from '../support/api';
import { minutesToNextWeekdayMorning, startClockServer, type ClockServer } from '../support/clock-server';
import { present } from '../support/present';
import { json, expectField } from '../support/answers';

// The call log to read (GET /api/campaigns/{id}/attempts): calls recorded through the agent's queue on a server of the
// test's own come back newest first, page by page, filtered by agent, outcome, day and number, and agree with the
// downloaded chain entry by entry; a correction shows on both sides (corrects_seq, corrected_by_seq), and an entry is
// corrected once. Bad parameters name themselves; agents, other clients and other agencies see nothing.

interface Entry {
  id: number;
  seq: number;
  started_at: string;
  recorded_at: string;
  agent_id: number;
  agent_name: string;
  person_id: number;
  person_name: string;
  company_name: string;
  phone: string;
  outcome: string;
  reason: string;
  talk_seconds: number;
  callback_at: string | null;
  note: string;
  corrects_seq: number | null;
  corrected_by_seq: number | null;
}

interface Page {
  attempts: Entry[];
  total: number;
  limit: number;
  offset: number;
  agents: { id: number; name: string }[];
}

/** One line of the downloaded chain: [version, campaign, seq, lead, person, agent, phone, caller_id, outcome, …]. */
interface ChainEntry {
  seq: number;
  agent: number;
  phone: string;
  outcome: string;
  startedAt: number;
  recordedAt: number;
  correctsSeq: number | null;
}

const ENTRY_KEYS = [
  'agent_id', 'agent_name', 'callback_at', 'company_name', 'corrected_by_seq', 'corrects_seq', 'id', 'note', 'outcome',
  'person_id', 'person_name', 'phone', 'reason', 'recorded_at', 'seq', 'started_at', 'talk_seconds',
];

const post = (session: ApiSession, path: string, data?: unknown) =>
  session.api.post(path, { headers: { 'X-CSRF-Token': session.csrf }, ...(data === undefined ? {} : { data }) });

/** The chain as downloaded, parsed line by line. */
async function chainOf(session: ApiSession, campaignId: number): Promise<ChainEntry[]> {
  const text = await (await session.api.get(`/api/campaigns/${campaignId}/ledger`)).text();
  return text.split('\n').filter((line) => line !== '').map((line) => {
    const entry = JSON.parse(line.slice(130)) as (string | number | null)[];
    return {
      seq: entry[2] as number,
      agent: entry[5] as number,
      phone: entry[6] as string,
      outcome: entry[8] as string,
      startedAt: entry[11] as number,
      recordedAt: entry[16] as number,
      correctsSeq: entry[15] as number | null,
    };
  });
}

test.describe('the call log to read', () => {
  let server: ClockServer;
  let agent: ApiSession;
  let supervisor: ApiSession;
  let campaignId = 0;
  let callsFrom = '';
  /** The calls this file recorded on the campaign, by seq. */
  const recorded = new Map<number, string>();

  const log = async (session: ApiSession, query = '', status = 200) =>
    json<Page>(await session.api.get(`/api/campaigns/${campaignId}/attempts${query}`), status);

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startClockServer();
    let morning = await server.advance(minutesToNextWeekdayMorning(await server.advance(1)));
    agent = await server.signIn('agent');
    supervisor = await server.signIn('supervisor');
    interface Assignment {
      lead_id: number | null;
      campaign_id: number | null;
      empty_reason: string | null;
      briefings_pending: number[];
      card: { phones: { e164: string }[] } | null;
    }
    /** Next as the agent; acknowledges briefings, and moves a day on while a public holiday keeps the queue empty. */
    const next = async (): Promise<Assignment> => {
      for (let tries = 0; tries < 8; tries++) {
        const assignment = await json<Assignment>(await post(agent, '/api/workspace/next'), 200);
        if (assignment.lead_id) return assignment;
        for (const pending of assignment.briefings_pending) {
          const detail = await json<{ briefing: { version: number } }>(await agent.api.get(`/api/campaigns/${pending}`), 200);
          await json(await post(agent, `/api/campaigns/${pending}/briefing-acknowledgements`, { version: detail.briefing.version }), 200);
        }
        if (assignment.briefings_pending.length === 0 && assignment.empty_reason === 'nothing_due') {
          morning = await server.advance(24 * 60);
          await agent.dispose();
          agent = await server.signIn('agent');
        }
      }
      throw new Error('no lead came');
    };
    // Next → outcome through the agent's queue, with outcomes chosen so that each filter has something to find.
    const outcomes = ['no_answer', 'busy', 'voicemail', 'no_answer', 'gatekeeper', 'wrong_number', 'no_answer'];
    const byCampaign = new Map<number, Map<number, string>>();
    for (const outcome of outcomes) {
      const assignment = await next();
      // The demo's calls lie days before the server's clock now; this file's calls are the only ones from here on.
      if (callsFrom === '') callsFrom = new Date(morning.getTime() - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const lead = present(assignment?.lead_id, 'a lead from Next');
      const phone = present(assignment?.card?.phones[0]?.e164, 'a number on the lead card');
      const done = await json<{ seq: number }>(
        await post(agent, `/api/workspace/leads/${lead}/outcome`, { outcome, phone, talk_seconds: 12, note: `Versuch ${outcome}` }),
        201,
      );
      const campaign = present(assignment?.campaign_id, 'the lead\'s campaign');
      if (!byCampaign.has(campaign)) byCampaign.set(campaign, new Map());
      byCampaign.get(campaign)!.set(done.seq, outcome);
    }
    // The campaign that got most of the calls.
    const [best, calls] = [...byCampaign.entries()].sort((a, b) => b[1].size - a[1].size)[0]!;
    campaignId = best;
    for (const [seq, outcome] of calls) recorded.set(seq, outcome);
    expect(recorded.size, 'calls recorded on one campaign').toBeGreaterThanOrEqual(4);
  });

  test.afterAll(async () => {
    await agent?.dispose();
    await supervisor?.dispose();
    await server?.stop();
  });

  test('lists the whole chain newest first, entry by entry as downloaded, with names', async () => {
    const chain = await chainOf(supervisor, campaignId);
    const page = await log(supervisor, '?limit=200');
    expect(Object.keys(page).sort()).toEqual(['agents', 'attempts', 'limit', 'offset', 'total']);
    expect(page.total).toBe(chain.length);
    expect(page.limit).toBe(200);
    expect(page.offset).toBe(0);
    expect(page.attempts.map((e) => e.seq)).toEqual(chain.map((c) => c.seq).reverse());
    for (const entry of page.attempts) {
      expect(Object.keys(entry).sort()).toEqual(ENTRY_KEYS);
      const line = chain.find((c) => c.seq === entry.seq)!;
      expect([entry.agent_id, entry.phone, entry.outcome, entry.corrects_seq]).toEqual([line.agent, line.phone, line.outcome, line.correctsSeq]);
      expect(Date.parse(entry.started_at)).toBe(Math.floor(line.startedAt / 1_000_000) * 1000);
      expect(Date.parse(entry.recorded_at)).toBe(Math.floor(line.recordedAt / 1_000_000) * 1000);
      expect(entry.agent_name).not.toBe('');
    }
    for (const [seq, outcome] of recorded) {
      const entry = page.attempts.find((e) => e.seq === seq)!;
      expect(entry.outcome).toBe(outcome);
      expect(entry.agent_id).toBe(agent.user.id);
      expect(entry.agent_name).toBe(agent.user.name);
      expect(entry.note).toBe(`Versuch ${outcome}`);
      expect(entry.talk_seconds).toBe(12);
      expect(entry.person_name).toMatch(/\S/);
      expect(entry.phone).toMatch(/^\+\d+$/);
    }
    // Whoever has an entry is a choice of the agent filter, the demo's agents and this file's agent among them.
    const agentIds = new Set(chain.map((c) => c.agent));
    expect(page.agents.map((a) => a.id).sort()).toEqual([...agentIds].sort());
    expect(page.agents.find((a) => a.id === agent.user.id)?.name).toBe(agent.user.name);
  });

  test('pages through the log with the total on every page', async () => {
    const whole = await log(supervisor, '?limit=200');
    const seen: number[] = [];
    for (let offset = 0; offset < whole.total + 3; offset += 3) {
      const page = await log(supervisor, `?limit=3&offset=${offset}`);
      expect(page.total).toBe(whole.total);
      expect(page.attempts.length).toBe(Math.max(0, Math.min(3, whole.total - offset)));
      seen.push(...page.attempts.map((e) => e.seq));
    }
    expect(seen).toEqual(whole.attempts.map((e) => e.seq));
    expect((await log(supervisor)).limit, 'the default page').toBe(50);
  });

  test('filters by agent, outcome, day and number; the total counts the match', async () => {
    const chain = await chainOf(supervisor, campaignId);
    const byAgent = await log(supervisor, `?agent_id=${agent.user.id}&limit=200`);
    expect(byAgent.total).toBe(chain.filter((c) => c.agent === agent.user.id).length);
    expect(byAgent.attempts.every((e) => e.agent_id === agent.user.id)).toBe(true);
    expect(byAgent.agents.length, 'the choices stay whatever the filter').toBeGreaterThan(1);

    const noAnswer = await log(supervisor, '?outcome=no_answer&limit=200');
    expect(noAnswer.total).toBe(chain.filter((c) => c.outcome === 'no_answer').length);
    expect(noAnswer.attempts.map((e) => e.outcome)).toEqual(Array(noAnswer.total).fill('no_answer'));
    expect(noAnswer.total).toBeGreaterThanOrEqual([...recorded.values()].filter((o) => o === 'no_answer').length);
    const none = await log(supervisor, `?outcome=objection&agent_id=${agent.user.id}`);
    expect(none).toMatchObject({ total: 0, attempts: [] });

    // From the server's morning on: exactly this file's calls (the demo's lie days before).
    const today = await log(supervisor, `?from=${callsFrom}&limit=200`);
    expect(today.attempts.map((e) => e.seq)).toEqual([...recorded.keys()].sort((a, b) => b - a));
    const before = await log(supervisor, `?to=${callsFrom}&limit=200`);
    expect(before.total).toBe(chain.length - recorded.size);
    const oneSecond = new Date(Date.parse(callsFrom) + 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    expect((await log(supervisor, `?from=${callsFrom}&to=${oneSecond}`)).total).toBe(0);

    const [seq] = [...recorded.keys()];
    const one = await log(supervisor, `?seq=${seq}`);
    expect(one.attempts.map((e) => e.seq)).toEqual([seq]);
    expect(one.total).toBe(1);
    // Empty parameters, as a form sends them, filter nothing.
    expect((await log(supervisor, '?agent_id=&outcome=&from=&to=&seq=')).total).toBe(chain.length);
  });

  test('bad parameters answer 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['limit=many', 'limit'],
      ['offset=-1', 'offset'],
      ['agent_id=0', 'agent_id'],
      ['agent_id=Tom', 'agent_id'],
      ['seq=1.5', 'seq'],
      ['outcome=teleported', 'outcome'],
      ['from=gestern', 'from'],
      ['to=2026-13-01T00:00:00Z', 'to'],
      [`from=${callsFrom}&to=${callsFrom}`, 'to'],
    ];
    for (const [query, field] of cases) {
      const response = await supervisor.api.get(`/api/campaigns/${campaignId}/attempts?${query}`);
      expect(response.status(), query).toBe(400);
      const body = (await response.json()) as { error: { code: string; field: string; message: string } };
      expect(body.error.code, query).toBe('invalid');
      expect(body.error.field, query).toBe(field);
      expect(body.error.message, query).not.toBe('');
    }
    await expectField(await supervisor.api.get('/api/campaigns/abc/attempts'), 400, 'id');
  });

  test('a correction shows on both entries; an entry is corrected once, a correction can be corrected', async () => {
    const [seq, outcome] = [...recorded.entries()].find(([, o]) => o !== 'wrong_number')!;
    const original = (await log(supervisor, `?seq=${seq}`)).attempts[0]!;
    expect(original.corrected_by_seq).toBeNull();
    const correction = await json<{ id: number; seq: number; corrects_seq: number }>(
      await post(supervisor, `/api/call-attempts/${original.id}/corrections`, { outcome: 'wrong_number', note: 'Kein Anschluss unter dieser Nummer' }),
      201,
    );
    expect(correction.corrects_seq).toBe(seq);

    const page = await log(supervisor, '?limit=200');
    const corrected = page.attempts.find((e) => e.seq === seq)!;
    expect(corrected.corrected_by_seq).toBe(correction.seq);
    expect(corrected.outcome, 'the corrected entry stays as it was').toBe(outcome);
    expect(page.attempts[0]!.started_at, 'a correction keeps the call\'s time').toBe(corrected.started_at);
    const fixed = page.attempts[0]!;
    expect(fixed).toMatchObject({
      seq: correction.seq,
      id: correction.id,
      outcome: 'wrong_number',
      corrects_seq: seq,
      corrected_by_seq: null,
      agent_id: supervisor.user.id,
      agent_name: supervisor.user.name,
      note: 'Kein Anschluss unter dieser Nummer',
      phone: original.phone,
      person_name: original.person_name,
    });
    expect(page.attempts.filter((e) => e.corrected_by_seq !== null).every((e) => page.attempts.some((c) => c.corrects_seq === e.seq && c.seq === e.corrected_by_seq))).toBe(true);
    expect(page.agents.some((a) => a.id === supervisor.user.id), 'the supervisor recorded an entry now').toBe(true);

    const again = await post(supervisor, `/api/call-attempts/${original.id}/corrections`, { outcome: 'busy', note: 'doch besetzt' });
    expect(again.status(), await again.text()).toBe(409);
    const refusal = (await again.json()) as { error: { code: string; field: string; message: string } };
    expect(refusal.error).toMatchObject({ code: 'conflict', field: 'id' });
    expect(refusal.error.message).toContain(`entry ${correction.seq}`);

    const second = await json<{ seq: number; corrects_seq: number }>(
      await post(supervisor, `/api/call-attempts/${correction.id}/corrections`, { outcome: 'busy', note: 'doch besetzt' }),
      201,
    );
    expect(second.corrects_seq).toBe(correction.seq);
    const after = await log(supervisor, '?limit=2');
    expect(after.attempts.map((e) => [e.seq, e.corrects_seq, e.corrected_by_seq])).toEqual([
      [second.seq, correction.seq, null],
      [correction.seq, seq, second.seq],
    ]);
    expect((await log(supervisor, `?seq=${seq}`)).attempts[0]!.corrected_by_seq).toBe(correction.seq);
    const check = await json<{ ok: boolean }>(await supervisor.api.get(`/api/campaigns/${campaignId}/ledger/verify`), 200);
    expect(check.ok).toBe(true);
  });

  test('the campaign\'s client reads it; agents and other clients do not', async () => {
    expect((await agent.api.get(`/api/campaigns/${campaignId}/attempts`)).status()).toBe(403);
    const total = (await log(supervisor)).total;
    const admin = await server.signIn('admin');
    try {
      const { campaigns } = await json<{ campaigns: { id: number; client_id: number }[] }>(await admin.api.get('/api/campaigns'), 200);
      const clientOf = present(campaigns.find((c) => c.id === campaignId), 'the campaign').client_id;
      for (const role of ['client_manager', 'client_rep'] as const) {
        const client = await server.signIn(role);
        try {
          const me = await json<{ user: { client_id: number } }>(await client.api.get('/api/me'), 200);
          const response = await client.api.get(`/api/campaigns/${campaignId}/attempts`);
          if (me.user.client_id === clientOf) {
            expect(response.status(), role).toBe(200);
            expect(((await response.json()) as Page).total).toBe(total);
          } else {
            await expectField(response, 404, 'id');
          }
          for (const other of campaigns.filter((c) => c.client_id !== me.user.client_id)) {
            await expectField(await client.api.get(`/api/campaigns/${other.id}/attempts`), 404, 'id');
          }
        } finally {
          await client.dispose();
        }
      }
    } finally {
      await admin.dispose();
    }
  });
});

test('another agency gets 404 for a campaign\'s call log, and nothing of it', async () => {
  // On the shared demo server, which has a second agency.
  const admin = await apiSignInAs('admin');
  const other = JSON.parse(readFileSync(present(process.env.TERMINTREU_OTHER_AGENCY, 'TERMINTREU_OTHER_AGENCY'), 'utf8')) as { email: string; password: string };
  const otherAdmin = await apiSignIn(other.email, other.password);
  try {
    const { campaigns } = await json<{ campaigns: { id: number; state: string }[] }>(await admin.api.get('/api/campaigns'), 200);
    const active = campaigns.filter((c) => c.state === 'active');
    expect(active.length).toBeGreaterThan(0);
    for (const campaign of active) {
      const own = await json<Page>(await admin.api.get(`/api/campaigns/${campaign.id}/attempts`), 200);
      expect(own.total, 'the demo records calls on its active campaigns').toBeGreaterThan(0);
      const response = await otherAdmin.api.get(`/api/campaigns/${campaign.id}/attempts?agent_id=${own.attempts[0]!.agent_id}`);
      await expectField(response, 404, 'id');
      const text = JSON.stringify(await response.json());
      expect(text).not.toContain(own.attempts[0]!.phone);
    }
  } finally {
    await admin.dispose();
    await otherAdmin.dispose();
  }
});
