import { expect, request as playwrightRequest, test, type APIResponse } from '@playwright/test';
import type { ApiSession } from '../support/api';
import { minutesToNextWeekdayMorning, startClockServer, type ClockServer } from '../support/clock-server';
import { nextLeadByApi } from '../support/next-lead';
import { decodeWords, startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { json, expectField } from '../support/answers';

// The agent's queue through the API on a server of its own whose clock the test moves: Next leases a lead, bad
// outcomes are refused with their field, outcomes go into the call log, a personal callback returns first when it
// falls due, and supervision sees it all. API tokens cannot work the queue. Info mails go through a real SMTP
// conversation with a sink of the test's own that can play busy or refusing.

interface Assignment {
  lead_id: number | null;
  campaign_id: number | null;
  callback: { id: number; kind: string; lead_id: number } | null;
  empty_reason: string | null;
  briefings_pending: number[];
  card: {
    lead: { id: number; campaign_id: number };
    phones: { e164: string }[];
    campaign: { caller_id: string | null; script: unknown };
    attempts: { outcome: string; note: string }[];
    local_time: string | null;
  } | null;
}

async function expectStatus(response: APIResponse, status: number) {
  expect(response.status(), await response.text()).toBe(status);
}

test.describe('agent workspace API', () => {
  let server: ClockServer;
  let sink: SmtpSink;
  let agent: ApiSession;
  let supervisor: ApiSession;

  const post = (session: ApiSession, path: string, data?: unknown) =>
    session.api.post(path, { headers: { 'X-CSRF-Token': session.csrf }, ...(data === undefined ? {} : { data }) });

  async function signInAgain() {
    await agent?.dispose();
    await supervisor?.dispose();
    agent = await server.signIn('agent');
    supervisor = await server.signIn('supervisor');
  }

  /** Next as the agent; acknowledges pending briefings and moves past closed days until a lead comes. */
  const next = () =>
    nextLeadByApi<Assignment>(
      () => agent,
      async () => {
        await server.advance(24 * 60);
        await signInAgain();
      },
    );

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    sink = await startSmtpSink();
    server = await startClockServer(['--smtp-url', `smtp://127.0.0.1:${sink.port}`, '--smtp-from', 'akquise@agentur.example']);
    const now = await server.advance(1);
    await server.advance(minutesToNextWeekdayMorning(now));
    await signInAgain();
  });

  test.afterAll(async () => {
    await agent?.dispose();
    await supervisor?.dispose();
    await server?.stop();
    await sink?.close();
  });

  async function agentFigures() {
    const snapshot = await json<{
      agents: { user_id: number; calls_today: number; appointments_today: number; state: string }[];
    }>(await supervisor.api.get('/api/supervision'), 200);
    const me = snapshot.agents.find((a) => a.user_id === agent.user.id);
    return { calls: me?.calls_today ?? 0, appointments: me?.appointments_today ?? 0, state: me?.state };
  }

  test('Next leases a lead, outcomes are checked and chained, a personal callback comes back first', async () => {
    const first = await next();
    // The demo data holds calls of its own: count from here.
    const before = await agentFigures();
    expect(first.card).not.toBeNull();
    const card = first.card!;
    expect(card.lead.id).toBe(first.lead_id);
    expect(card.phones.length).toBeGreaterThan(0);
    expect(card.campaign.caller_id).toMatch(/^\+\d+$/);
    expect(card.local_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    const again = await json<Assignment>(await post(agent, '/api/workspace/next'), 200);
    expect(again.lead_id, 'Next while holding gives the same lead').toBe(first.lead_id);

    const phone = card.phones[0]!.e164;
    const outcome = `/api/workspace/leads/${first.lead_id}/outcome`;
    await expectField(await post(agent, outcome, { outcome: 'teleported', phone }), 400, 'outcome');
    await expectField(await post(agent, outcome, { outcome: 'no_answer', phone: '+4989000000' }), 400, 'phone');
    await expectField(await post(agent, outcome, { outcome: 'not_interested', phone }), 400, 'reason');
    await expectField(await post(agent, outcome, { outcome: 'callback', phone }), 400, 'callback');
    await expectField(await post(agent, outcome, { outcome: 'callback', phone, callback: {} }), 400, 'callback.at');
    await expectField(await post(agent, outcome, { outcome: 'no_answer', phone, mood: 'grumpy' }), 400, 'mood');
    const evening = new Date(Date.parse(card.local_time! + ':00Z') + 12 * 60 * 60_000);  // 22:00 local
    await expectField(
      await post(agent, outcome, { outcome: 'callback', phone, callback: { at: evening.toISOString() } }),
      400,
      'callback.at',
    );

    const recorded = await json<{ seq: number; lead_state: string; next_call_at: string | null }>(
      await post(agent, outcome, { outcome: 'no_answer', phone, note: 'Sekretariat: ab 14 Uhr', talk_seconds: 0 }),
      201,
    );
    expect(recorded.seq).toBeGreaterThan(0);
    expect(recorded.lead_state).toBe('in_progress');
    expect(recorded.next_call_at).not.toBeNull();
    const twice = await post(agent, outcome, { outcome: 'no_answer', phone });
    expect(twice.status(), 'the lead is no longer held').toBe(409);

    const second = await next();
    expect(second.lead_id).not.toBe(first.lead_id);
    const secondPhone = second.card!.phones[0]!.e164;
    const promised = new Date((await server.advance(1)).getTime() + 2 * 60 * 60_000);
    const withCallback = await json<{ callback_id: number; lead_state: string }>(
      await post(agent, `/api/workspace/leads/${second.lead_id}/outcome`, {
        outcome: 'callback',
        phone: secondPhone,
        note: 'Bitte in zwei Stunden, dann ist der Chef da',
        callback: { at: promised.toISOString(), kind: 'personal' },
      }),
      201,
    );
    expect(withCallback.lead_state).toBe('callback_due');
    const reminders = await json<{ callbacks: { id: number }[] }>(await agent.api.get('/api/workspace/callbacks'), 200);
    expect(reminders.callbacks.map((c) => c.id)).not.toContain(withCallback.callback_id);  // not within 30 minutes yet

    // Someone else's lead in the meantime, then the promise falls due and comes back first.
    const third = await next();
    expect(third.callback).toBeNull();
    await expectStatus(await post(agent, `/api/workspace/leads/${third.lead_id}/release`), 204);
    await server.advance(100);
    const soon = await json<{ callbacks: { id: number; person_name: string }[] }>(await agent.api.get('/api/workspace/callbacks'), 200);
    expect(soon.callbacks.map((c) => c.id)).toContain(withCallback.callback_id);
    const reminder = soon.callbacks.find((c) => c.id === withCallback.callback_id)!;
    expect(reminder.person_name, 'the reminder names whom to call').toMatch(/\S+ \S+/);
    await server.advance(21);
    await expectStatus(await post(agent, '/api/workspace/heartbeat', { state: 'ready' }), 204);
    const back = await json<Assignment>(await post(agent, '/api/workspace/next'), 200);
    expect(back.callback?.id).toBe(withCallback.callback_id);
    expect(back.lead_id).toBe(second.lead_id);
    expect(back.card!.attempts[0]!.note).toBe('Bitte in zwei Stunden, dann ist der Chef da');
    const kept = await json<{ lead_state: string }>(
      await post(agent, `/api/workspace/leads/${second.lead_id}/outcome`, { outcome: 'appointment', phone: secondPhone, talk_seconds: 240 }),
      201,
    );
    expect(kept.lead_state).toBe('appointment');

    const after = await agentFigures();
    expect(after.calls - before.calls, 'three calls on the supervision board').toBe(3);
    expect(after.appointments - before.appointments).toBe(1);
    expect(after.state).toBe('ready');
  });

  test('the lead card belongs to its holder; tokens and client roles cannot work the queue', async () => {
    const held = await next();
    const colleague = await server.signIn('supervisor');
    try {
      // A supervisor may look at any lead card of the agency.
      await json(await colleague.api.get(`/api/workspace/leads/${held.lead_id}`), 200);
    } finally {
      await colleague.dispose();
    }
    const client = await server.signIn('client_manager');
    try {
      expect((await post(client, '/api/workspace/next')).status()).toBe(403);
      expect((await client.api.get(`/api/workspace/leads/${held.lead_id}`)).status()).toBe(403);
    } finally {
      await client.dispose();
    }
    const admin = await server.signIn('admin');
    try {
      const token = await json<{ secret: string }>(await post(admin, '/api/tokens', { name: 'Wählautomat', role: 'agent' }), 201);
      const bare = await playwrightRequest.newContext({ baseURL: server.url });
      try {
        const byToken = await bare.post('/api/workspace/next', { headers: { Authorization: `Bearer ${token.secret}` } });
        expect(byToken.status(), await byToken.text()).toBe(403);
        expect(((await byToken.json()) as { error: { message: string } }).error.message).toContain('person');
      } finally {
        await bare.dispose();
      }
    } finally {
      await admin.dispose();
    }
    await expectStatus(await post(agent, `/api/workspace/leads/${held.lead_id}/release`), 204);
  });

  test('info mail: checked, queued with the call, retried while SMTP is busy, delivered merged; a refused one fails', async () => {
    interface Mail { id: number; to: string; subject: string; state: string; tries: number; last_error: string }
    interface Card {
      mails: Mail[];
      info_mail: { to: string; subject: string | null; body: string | null; problem: { field: string } | null };
      campaign: { client_name: string };
    }
    const mailOf = async (leadId: number, mailId: number) => {
      const card = await json<Card>(await supervisor.api.get(`/api/workspace/leads/${leadId}`), 200);
      return card.mails.find((m) => m.id === mailId);
    };

    const held = await next();
    const leadId = held.lead_id!;
    const phone = held.card!.phones[0]!.e164;
    const card = await json<Card>(await agent.api.get(`/api/workspace/leads/${leadId}`), 200);
    expect(card.info_mail.subject, 'the demo campaign has an info mail, merged for this person').toContain(card.campaign.client_name);
    expect(card.info_mail.body).toContain(agent.user.name);

    // A template with a typo is refused and changes nothing.
    const manager = await server.signIn('admin');
    try {
      const campaign = `/api/campaigns/${held.card!.lead.campaign_id}`;
      const bad = await manager.api.patch(campaign, {
        headers: { 'X-CSRF-Token': manager.csrf },
        data: { info_mail: { subject: 'Hallo', body: 'Guten Tag {{vorname}}' } },
      });
      await expectField(bad, 400, 'info_mail.body');
      const kept = await json<{ info_mail: { subject: string } }>(await manager.api.get(campaign), 200);
      expect(kept.info_mail.subject).toBe('Ihre Unterlagen von {{client}}');
    } finally {
      await manager.dispose();
    }

    const outcome = `/api/workspace/leads/${leadId}/outcome`;
    await expectField(await post(agent, outcome, { outcome: 'info_mail', phone, email: 'kein-at-zeichen' }), 400, 'email');
    await expectField(await post(agent, outcome, { outcome: 'no_answer', phone, email: 'eva@kunde.example' }), 400, 'email');

    sink.mode = 'busy';
    const address = `info-${Date.now()}@kunde.example`;
    const recorded = await json<{ mail_id: number; lead_state: string }>(
      await post(agent, outcome, { outcome: 'info_mail', phone, email: address, note: 'Will Unterlagen sehen' }),
      201,
    );
    expect(recorded.mail_id).toBeGreaterThan(0);
    await expect
      .poll(async () => (await mailOf(leadId, recorded.mail_id))?.last_error ?? '', { timeout: 20_000 })
      .toContain('451');
    const waiting = (await mailOf(leadId, recorded.mail_id))!;
    expect(waiting.state).toBe('queued');
    expect(waiting.to).toBe(address);
    expect(sink.received.filter((m) => m.to.includes(address))).toHaveLength(0);

    // The server is back; the next try is due a minute later.
    sink.mode = 'accept';
    await server.advance(2);
    const mail = await sink.waitFor((m) => m.to.includes(address));
    expect(mail.from).toBe('akquise@agentur.example');
    expect(mail.subject).toBe(card.info_mail.subject);
    expect(mail.body.replace(/\r\n/g, '\n')).toBe(card.info_mail.body);
    expect(decodeWords(mail.headers.from ?? '')).toContain(card.campaign.client_name);
    expect(mail.headers['reply-to']).toBe(`<${agent.user.email}>`);
    expect(mail.headers['message-id']).toMatch(new RegExp(`^<outbox-${recorded.mail_id}-\\d+@agentur\\.example>$`));
    await expect.poll(async () => (await mailOf(leadId, recorded.mail_id))?.state, { timeout: 20_000 }).toBe('sent');
    expect((await mailOf(leadId, recorded.mail_id))!.tries).toBeGreaterThanOrEqual(2);

    // A recipient the server refuses for good: failed at once, not retried for a day.
    const other = await next();
    sink.mode = 'refuse';
    const refused = await json<{ mail_id: number }>(
      await post(agent, `/api/workspace/leads/${other.lead_id}/outcome`, {
        outcome: 'info_mail',
        phone: other.card!.phones[0]!.e164,
        email: `weg-${Date.now()}@kunde.example`,
      }),
      201,
    );
    await expect.poll(async () => (await mailOf(other.lead_id!, refused.mail_id))?.state, { timeout: 20_000 }).toBe('failed');
    expect((await mailOf(other.lead_id!, refused.mail_id))!.last_error).toContain('550');
    sink.mode = 'accept';
  });
});
