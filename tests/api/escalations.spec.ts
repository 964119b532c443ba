import { expect, test } from '@playwright/test';
import type { ApiSession } from '../support/api';
import { minutesToNextWeekdayMorning, startClockServer, type ClockServer } from '../support/clock-server';
import { present } from '../support/present';
import { json } from '../support/answers';

// Second level's list (GET /api/escalations) carries what calling back needs without a lead card per row: the
// person's company, the zone their clock shows and the time there, and their numbers — the same as the lead card
// says. On a server of its own whose clock stands on a weekday morning, so that the promise lies in calling hours.

interface Phone {
  id: number;
  kind: string;
  e164: string;
}

interface Listed {
  id: number;
  lead_id: number;
  person_id: number;
  person_name: string;
  company_name: string;
  time_zone: string;
  local_time: string | null;
  phones: Phone[];
  overdue: boolean;
}

interface Card {
  person: { id: number };
  company: { name: string } | null;
  phones: Phone[];
  local_time: string | null;
  time_zone: string;
}

const post = (session: ApiSession, path: string, data?: unknown) =>
  session.api.post(path, { headers: { 'X-CSRF-Token': session.csrf }, ...(data === undefined ? {} : { data }) });

test.describe('the second level list', () => {
  let server: ClockServer;
  let agent: ApiSession;
  let supervisor: ApiSession;
  let now: Date;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startClockServer();
    now = await server.advance(minutesToNextWeekdayMorning(await server.advance(1)));
    agent = await server.signIn('agent');
    supervisor = await server.signIn('supervisor');
  });

  test.afterAll(async () => {
    await agent?.dispose();
    await supervisor?.dispose();
    await server?.stop();
  });

  test('names the company, the local time and the numbers, as the lead card does', async () => {
    let lead = 0;
    for (let tries = 0; tries < 8 && lead === 0; tries++) {
      const next = await json<{ lead_id: number | null; empty_reason: string | null; briefings_pending: number[] }>(
        await post(agent, '/api/workspace/next'),
        200,
      );
      if (next.lead_id) lead = next.lead_id;
      for (const pending of next.briefings_pending) {
        const detail = await json<{ briefing: { version: number } }>(await agent.api.get(`/api/campaigns/${pending}`), 200);
        await json(await post(agent, `/api/campaigns/${pending}/briefing-acknowledgements`, { version: detail.briefing.version }), 200);
      }
      if (!next.lead_id && next.briefings_pending.length === 0 && next.empty_reason === 'nothing_due') {
        // A public holiday: the next morning.
        now = await server.advance(24 * 60);
        await agent.dispose();
        agent = await server.signIn('agent');
      }
    }
    expect(lead, 'a lead from Next').toBeGreaterThan(0);
    const promised = new Date(now.getTime() + 60 * 60_000).toISOString();
    const raised = await json<Listed>(
      await post(agent, `/api/workspace/leads/${lead}/escalations`, { question: 'Gibt es Mengenrabatt?', urgency: 'high', promised_at: promised }),
      201,
    );
    expect(raised.phones.length, 'the answer to the agent carries them too').toBeGreaterThan(0);

    const { escalations } = await json<{ escalations: Listed[] }>(await supervisor.api.get('/api/escalations'), 200);
    const listed = present(escalations.find((e) => e.id === raised.id), 'the escalation in the list');
    const card = await json<Card>(await supervisor.api.get(`/api/workspace/leads/${lead}`), 200);
    expect(listed.person_id).toBe(card.person.id);
    expect(listed.company_name).toBe(card.company?.name ?? '');
    expect(listed.company_name, 'the demo persons work for companies').not.toBe('');
    expect(listed.phones).toEqual(card.phones);
    expect(listed.phones.every((p) => /^\+\d{6,}$/.test(p.e164))).toBe(true);
    expect(listed.time_zone).toBe('Europe/Berlin');
    expect(listed.time_zone).toBe(card.time_zone);
    // The wall clock there: the card's, read a moment apart (a minute may turn in between), and the server's time in
    // that zone.
    const local = present(listed.local_time, 'local_time');
    expect(local).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    const minutesApart = Math.abs(Date.parse(`${present(card.local_time, 'card local_time')}:00Z`) - Date.parse(`${local}:00Z`)) / 60_000;
    expect(minutesApart).toBeLessThanOrEqual(1);
    const berlin = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'short' }).format(now);
    const sinceMorning = (Date.parse(`${local}:00Z`) - Date.parse(`${berlin.replace(' ', 'T')}:00Z`)) / 60_000;
    expect(sinceMorning, `${local} is the server's morning in Berlin (${berlin}) or a little later`).toBeGreaterThanOrEqual(0);
    expect(sinceMorning).toBeLessThan(10);
  });
});
