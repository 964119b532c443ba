import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import type { ApiSession } from '../support/api';
import { minutesToNextWeekdayMorning, startClockServer, type ClockServer } from '../support/clock-server';
import { nextLeadByApi } from '../support/next-lead';
import { claimOf, decodedText, linksIn as webLinksIn, mimeParts, startSmtpSink, type ReceivedMail, type SmtpSink } from '../support/smtp-sink';
import { json, expectField } from '../support/answers';

// Appointments through the API on a server of its own (its clock moves, it sends to an SMTP sink of the test's):
// slot suggestions for the held lead, booking with the call in one transaction, the invitations with their calendar,
// a rep who is booked already, the rep's feed, and mail that waits while SMTP is down and then arrives once.

interface Held {
  lead_id: number | null;
  campaign_id: number | null;
  empty_reason: string | null;
  briefings_pending: number[];
  card: { lead: { id: number }; phones: { e164: string }[]; person: { email: string }; time_zone: string } | null;
}

interface Slot {
  rep_id: number;
  rep_name: string;
  starts_at: string;
  ends_at: string;
  local_start: string;
  added_travel_minutes: number;
  from_home: boolean;
}

interface Suggestions {
  time_zone: string;
  place_known: boolean;
  reps: { id: number; name: string; covers: boolean }[];
  slots: Slot[];
}

interface Appointment {
  id: number;
  rep_id: number;
  lead_id: number;
  attempt_id: number | null;
  starts_at: string;
  state: string;
  sequence: number;
  kind: string;
  location: string;
  agenda: string;
  rep_name: string;
}

const FROM = 'termine@agentur.example';

/** The unfolded content lines of an iCalendar text. */
function icsLines(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((line) => line !== '');
}

/**
 * What a calendar program needs to read an invitation: CRLF lines of NAME[;PARAMS]:VALUE, balanced BEGIN/END with
 * one VCALENDAR around one VEVENT and its VTIMEZONE, and the properties RFC 5545/5546 require of a REQUEST.
 */
function checkInvitation(text: string, method: string): Map<string, string> {
  expect(text.endsWith('\r\n'), 'CRLF line ends').toBe(true);
  const lines = icsLines(text);
  const stack: string[] = [];
  const event = new Map<string, string>();
  for (const line of lines) {
    expect(line, 'a content line').toMatch(/^[A-Z][A-Z0-9-]*(;[^:]*)?:/);
    if (line.startsWith('BEGIN:')) stack.push(line.slice(6));
    else if (line.startsWith('END:')) expect(stack.pop()).toBe(line.slice(4));
    else if (stack.at(-1) === 'VEVENT') event.set(line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1));
  }
  expect(stack).toEqual([]);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines).toContain(`METHOD:${method}`);
  expect(lines).toContain('VERSION:2.0');
  expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);
  expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
  expect(lines).toContain('BEGIN:VTIMEZONE');
  for (const name of ['UID', 'DTSTAMP', 'SEQUENCE', 'SUMMARY']) expect(event.has(name), name).toBe(true);
  return event;
}

/** "2026-12-07T10:00" (local) → "20261207T100000". */
/** The signed links of a mail as the API paths behind its pages. */
const linksIn = (mail: ReceivedMail) => webLinksIn(mail).map((link) => link.replace(/^\/link\//, '/api/links/'));

const icsLocal = (local: string) => `${local.replaceAll('-', '').replace(':', '')}00`;


test.describe('appointments API', () => {
  let server: ClockServer;
  let sink: SmtpSink;
  let agent: ApiSession;
  let admin: ApiSession;
  let supervisor: ApiSession;
  /** The server's time when last moved: it only runs forward from there. */
  let serverNow = 0;
  const advance = async (minutes: number) => {
    serverNow = (await server.advance(minutes)).getTime();
  };

  const post = (session: ApiSession, path: string, data?: unknown) =>
    session.api.post(path, { headers: { 'X-CSRF-Token': session.csrf }, ...(data === undefined ? {} : { data }) });

  async function signInAgain() {
    for (const session of [agent, admin, supervisor]) await session?.dispose();
    agent = await server.signIn('agent');
    admin = await server.signIn('admin');
    supervisor = await server.signIn('supervisor');
  }

  const next = () =>
    nextLeadByApi<Held>(
      () => agent,
      async () => {
        await advance(24 * 60);
        await signInAgain();
      },
    );

  const slotsOf = (lead: number, query = '') => agent.api.get(`/api/workspace/leads/${lead}/slots${query}`);

  /** Mails the server sent about appointment `id`, by the UID of their calendar. */
  const mailsOf = (id: number) => (mail: ReceivedMail) => decodedText(mail).includes(`appointment-${id}@agentur.example`);

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    sink = await startSmtpSink();
    server = await startClockServer(['--smtp-url', `smtp://127.0.0.1:${sink.port}`, '--smtp-from', FROM]);
    const now = await server.advance(1);
    await advance(minutesToNextWeekdayMorning(now));
    await signInAgain();
  });

  test.afterAll(async () => {
    for (const session of [agent, admin, supervisor]) await session?.dispose();
    await server?.stop();
    await sink?.close();
  });

  test('suggested slots, booked with the call, invitations with the calendar, a booked rep refused, the feed', async () => {
    const held = await next();
    const lead = held.lead_id!;
    const phone = held.card!.phones[0]!.e164;

    const suggestions = await json<Suggestions>(await slotsOf(lead), 200);
    expect(suggestions.reps.length, 'the campaign has reps').toBeGreaterThan(0);
    expect(suggestions.place_known, "the demo company's postal code is placed").toBe(true);
    expect(suggestions.slots.length).toBeGreaterThan(0);
    for (const [i, slot] of suggestions.slots.entries()) {
      expect(Date.parse(slot.starts_at), 'two hours of notice at least').toBeGreaterThanOrEqual(serverNow + 2 * 3600_000 - 60_000);
      expect(slot.local_start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
      if (i > 0) expect(slot.added_travel_minutes).toBeGreaterThanOrEqual(suggestions.slots[i - 1]!.added_travel_minutes);
    }
    await expectField(await slotsOf(lead, '?kind=teleport'), 400, 'kind');
    await expectField(await slotsOf(lead, '?days=99'), 400, 'days');
    expect((await slotsOf(999_999_999)).status()).toBe(404);

    const best = suggestions.slots[0]!;
    const outcome = `/api/workspace/leads/${lead}/outcome`;
    const booking = { rep_id: best.rep_id, starts_at: best.starts_at, agenda: 'Wartung der Linien 2 und 3; Budget 2027' };
    await expectField(await post(agent, outcome, { outcome: 'no_answer', phone, appointment: booking }), 400, 'appointment');
    await expectField(await post(agent, outcome, { outcome: 'appointment', phone, appointment: { ...booking, rep_id: 999_999 } }), 400, 'appointment.rep_id');
    await expectField(
      await post(agent, outcome, { outcome: 'appointment', phone, appointment: { ...booking, starts_at: '2020-01-01T10:00:00Z' } }),
      400,
      'appointment.starts_at',
    );
    await expectField(await post(agent, outcome, { outcome: 'appointment', phone, appointment: { ...booking, kind: 'dinner' } }), 400, 'appointment.kind');
    await expectField(await post(agent, outcome, { outcome: 'appointment', phone, appointment: { ...booking, mood: 'x' } }), 400, 'appointment.mood');

    const recorded = await json<{ attempt_id: number; lead_state: string; appointment_id: number | null }>(
      await post(agent, outcome, { outcome: 'appointment', phone, talk_seconds: 300, appointment: booking }),
      201,
    );
    expect(recorded.lead_state).toBe('appointment');
    expect(recorded.appointment_id).not.toBeNull();
    const id = recorded.appointment_id!;
    const appointment = await json<Appointment>(await supervisor.api.get(`/api/appointments/${id}`), 200);
    expect(appointment).toMatchObject({ rep_id: best.rep_id, lead_id: lead, attempt_id: recorded.attempt_id, state: 'booked', sequence: 0, kind: 'on_site' });
    expect(Date.parse(appointment.starts_at)).toBe(Date.parse(best.starts_at));
    expect(appointment.location).not.toBe('');
    expect(appointment.agenda).toBe(booking.agenda);
    const listed = await json<{ appointments: Appointment[]; total: number }>(await supervisor.api.get(`/api/appointments?lead_id=${lead}`), 200);
    expect(listed.appointments.map((a) => a.id)).toEqual([id]);
    expect(listed.total).toBe(1);

    // The invitation to the rep: a text part and the calendar twice (inline with its method, and attached).
    const repMail = await sink.waitFor((mail) => mailsOf(id)(mail) && mail.to.some((to) => to.endsWith('kessler-industrietechnik.example') || to.endsWith('brandt-soehne.example')));
    expect(repMail.from).toBe(FROM);
    expect(repMail.headers['content-type']).toMatch(/^multipart\/mixed/);
    const parts = mimeParts(repMail.raw);
    const inline = parts.find((p) => /^text\/calendar/.test(p.headers['content-type'] ?? ''));
    const attached = parts.find((p) => /^application\/ics/.test(p.headers['content-type'] ?? ''));
    expect(inline?.headers['content-type']).toMatch(/method=REQUEST/);
    expect(attached?.headers['content-disposition']).toMatch(/attachment/);
    expect(attached?.text).toBe(inline?.text);
    expect(parts.find((p) => /^text\/plain/.test(p.headers['content-type'] ?? ''))?.text).toContain(best.rep_name);
    const event = checkInvitation(inline!.text, 'REQUEST');
    expect(event.get('UID')).toBe(`appointment-${id}@agentur.example`);
    expect(event.get('SEQUENCE')).toBe('0');
    expect(event.get(`DTSTART;TZID=${suggestions.time_zone}`)).toBe(icsLocal(best.local_start));
    expect(event.get('DESCRIPTION')).toContain('Budget 2027');
    // The person gets one too, when the demo knows their address.
    if (held.card!.person.email) await sink.waitFor((mail) => mailsOf(id)(mail) && mail.to.includes(held.card!.person.email));

    // Another lead, the same rep at the same time: refused, and the call is not recorded either.
    await signInAgain();
    const second = await next();
    const secondPhone = second.card!.phones[0]!.e164;
    const secondOutcome = `/api/workspace/leads/${second.lead_id}/outcome`;
    const secondSlots = await json<Suggestions>(await slotsOf(second.lead_id!), 200);
    expect(secondSlots.slots.some((s) => s.rep_id === best.rep_id && s.starts_at === best.starts_at), 'the booked time is gone').toBe(false);
    if (secondSlots.reps.some((r) => r.id === best.rep_id)) {
      const attempts = (await json<{ total: number }>(await supervisor.api.get(`/api/campaigns/${second.campaign_id}/attempts`), 200)).total;
      await expectField(await post(agent, secondOutcome, { outcome: 'appointment', phone: secondPhone, appointment: booking }), 409, 'appointment.starts_at');
      expect((await json<{ total: number }>(await supervisor.api.get(`/api/campaigns/${second.campaign_id}/attempts`), 200)).total).toBe(attempts);
    }
    await json(await post(agent, secondOutcome, { outcome: 'no_answer', phone: secondPhone }), 201);

    // The rep's feed: behind a secret, without the person's address.
    const issued = await json<{ token: string; path: string }>(await post(admin, `/api/reps/${best.rep_id}/feed-token`), 201);
    const anonymous = await playwrightRequest.newContext({ baseURL: server.url });
    try {
      const feed = await anonymous.get(issued.path);
      expect(feed.status(), await feed.text()).toBe(200);
      expect(feed.headers()['content-type']).toMatch(/^text\/calendar/);
      const text = await feed.text();
      expect(icsLines(text)).toContain(`UID:appointment-${id}@agentur.example`);
      expect(text).not.toContain('ATTENDEE');
      expect((await anonymous.get(`/api/reps/${best.rep_id}/calendar.ics?token=wrong`)).status()).toBe(404);
      expect((await anonymous.get(`/api/reps/${best.rep_id}/calendar.ics`)).status()).toBe(404);
      // A new secret ends the old one.
      await json(await post(admin, `/api/reps/${best.rep_id}/feed-token`), 201);
      expect((await anonymous.get(issued.path)).status()).toBe(404);
    } finally {
      await anonymous.dispose();
    }

    // Moved by supervision: the same UID with a higher SEQUENCE; cancelled: METHOD:CANCEL; then it cannot change.
    const other = suggestions.slots.find((slot) => slot.rep_id === best.rep_id && Date.parse(slot.starts_at) >= Date.parse(best.ends_at));
    if (other) {
      await expectField(await post(supervisor, `/api/appointments/${id}/reschedule`, { starts_at: '2020-01-01T09:00:00Z' }), 400, 'starts_at');
      const moved = await json<Appointment>(await post(supervisor, `/api/appointments/${id}/reschedule`, { starts_at: other.starts_at }), 200);
      expect(moved.sequence).toBe(1);
      expect(Date.parse(moved.starts_at)).toBe(Date.parse(other.starts_at));
      const update = await sink.waitFor((mail) => mailsOf(id)(mail) && decodedText(mail).includes('SEQUENCE:1'));
      const updated = checkInvitation(mimeParts(update.raw).find((p) => /^text\/calendar/.test(p.headers['content-type'] ?? ''))!.text, 'REQUEST');
      expect(updated.get(`DTSTART;TZID=${suggestions.time_zone}`)).toBe(icsLocal(other.local_start));
    }
    await expectField(await post(supervisor, `/api/appointments/${id}/cancel`, {}), 400, 'reason');
    const cancelled = await json<Appointment>(await post(supervisor, `/api/appointments/${id}/cancel`, { reason: 'Kunde hat abgesagt' }), 200);
    expect(cancelled.state).toBe('cancelled');
    const cancellation = await sink.waitFor((mail) => mailsOf(id)(mail) && /method=CANCEL/.test(mail.raw));
    const calendar = mimeParts(cancellation.raw).find((p) => /^text\/calendar/.test(p.headers['content-type'] ?? ''))!.text;
    expect(checkInvitation(calendar, 'CANCEL').get('STATUS')).toBe('CANCELLED');
    await expectField(await post(supervisor, `/api/appointments/${id}/cancel`, { reason: 'noch einmal' }), 409, 'state');
    expect((await post(agent, `/api/appointments/${id}/cancel`, { reason: 'x' })).status(), 'agents do not cancel').toBe(403);
  });

  test('with SMTP down the invitations wait, and arrive exactly once when it is back', async () => {
    await signInAgain();
    const held = await next();
    const lead = held.lead_id!;
    const slot = (await json<Suggestions>(await slotsOf(lead), 200)).slots[0]!;
    const port = sink.port;
    await sink.close();
    const before = sink.received.length;
    const recorded = await json<{ appointment_id: number }>(
      await post(agent, `/api/workspace/leads/${lead}/outcome`, {
        outcome: 'appointment',
        phone: held.card!.phones[0]!.e164,
        appointment: { rep_id: slot.rep_id, starts_at: slot.starts_at, kind: 'video' },
      }),
      201,
    );
    const id = recorded.appointment_id;
    // Tried while down (connection refused), then retried after the pauses of the outbox.
    await new Promise((r) => setTimeout(r, 3000));
    await advance(2);
    await new Promise((r) => setTimeout(r, 3000));
    expect(sink.received.length).toBe(before);
    const revived = await startSmtpSink(port);
    try {
      await advance(20);
      const expected = held.card!.person.email ? 2 : 1;
      const deadline = Date.now() + 30_000;
      while (revived.received.filter(mailsOf(id)).length < expected && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
      }
      await advance(60);
      await new Promise((r) => setTimeout(r, 4000));
      const arrived = revived.received.filter(mailsOf(id));
      expect(arrived).toHaveLength(expected);
      expect(new Set(arrived.map((m) => m.headers['message-id'])).size, 'no mail twice').toBe(expected);
      for (const mail of arrived) {
        const calendar = mimeParts(mail.raw).find((p) => /^text\/calendar/.test(p.headers['content-type'] ?? ''));
        checkInvitation(calendar!.text, 'REQUEST');
      }
    } finally {
      sink = revived;
    }
  });

  test("the rep's own calendar, uploaded or fetched from its address, keeps its times out of the suggestions", async () => {
    await signInAgain();
    const held = await next();
    const lead = held.lead_id!;
    const before = await json<Suggestions>(await slotsOf(lead), 200);
    const taken = before.slots[0]!;
    const stamp = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const ics = (summary: string) =>
      [
        'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Rep calendar//DE', 'BEGIN:VEVENT', `UID:${summary}@rep.example`,
        `DTSTAMP:${stamp(taken.starts_at)}`, `DTSTART:${stamp(taken.starts_at)}`, `DTEND:${stamp(taken.ends_at)}`,
        `SUMMARY:${summary}`, 'END:VEVENT', 'END:VCALENDAR', '',
      ].join('\r\n');
    const upload = (body: string, type = 'text/calendar') =>
      admin.api.post(`/api/reps/${taken.rep_id}/calendar`, { headers: { 'X-CSRF-Token': admin.csrf, 'Content-Type': type }, data: body });

    await expectField(await upload(ics('Zahnarzt'), 'text/plain'), 415, 'Content-Type');
    await expectField(await upload('this is no calendar'), 400, 'calendar');
    expect(await json<{ imported: number; skipped: number }>(await upload(ics('Zahnarzt')), 200)).toEqual({ imported: 1, skipped: 0 });
    const after = await json<Suggestions>(await slotsOf(lead), 200);
    const overlaps = (s: Slot) => s.rep_id === taken.rep_id && Date.parse(s.starts_at) < Date.parse(taken.ends_at) && Date.parse(s.ends_at) > Date.parse(taken.starts_at);
    expect(after.slots.some(overlaps), 'the rep is busy then').toBe(false);
    // Booking that time anyway is refused at the field.
    await expectField(
      await post(agent, `/api/workspace/leads/${lead}/outcome`, {
        outcome: 'appointment', phone: held.card!.phones[0]!.e164, appointment: { rep_id: taken.rep_id, starts_at: taken.starts_at },
      }),
      409,
      'appointment.starts_at',
    );

    // The published address: without one, refresh is refused; with one, the calendar is fetched and replaces the
    // upload (an empty calendar frees the time again).
    await expectField(await post(admin, `/api/reps/${taken.rep_id}/calendar/refresh`), 400, 'calendar_url');
    let served = ics('Messe');
    const calendarServer = createServer((_, response) => {
      response.writeHead(200, { 'Content-Type': 'text/calendar' });
      response.end(served);
    });
    await new Promise<void>((resolve) => calendarServer.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(calendarServer.address() as AddressInfo).port}/rep.ics`;
      await json(await admin.api.patch(`/api/reps/${taken.rep_id}`, { headers: { 'X-CSRF-Token': admin.csrf }, data: { calendar_url: url } }), 200);
      expect(await json<{ imported: number }>(await post(admin, `/api/reps/${taken.rep_id}/calendar/refresh`), 200)).toMatchObject({ imported: 1 });
      expect((await json<Suggestions>(await slotsOf(lead), 200)).slots.some(overlaps)).toBe(false);
      served = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Empty//DE\r\nEND:VCALENDAR\r\n';
      expect(await json<{ imported: number }>(await post(admin, `/api/reps/${taken.rep_id}/calendar/refresh`), 200)).toMatchObject({ imported: 0 });
      expect((await json<Suggestions>(await slotsOf(lead), 200)).slots.some(overlaps), 'free again').toBe(true);
    } finally {
      await new Promise<void>((resolve) => calendarServer.close(() => resolve()));
    }

    // Blocked by hand (a trade fair): kept free as well; refused when the end is before the start or in the past.
    const blocked = `/api/reps/${taken.rep_id}/blocked-times`;
    const put = (data: unknown) => admin.api.put(blocked, { headers: { 'X-CSRF-Token': admin.csrf }, data });
    await expectField(await put({ blocked_times: [{ starts_at: taken.ends_at, ends_at: taken.starts_at }] }), 400, 'blocked_times[0].ends_at');
    await expectField(await put({ blocked_times: [{ starts_at: '2020-01-01T08:00:00Z', ends_at: '2020-01-02T08:00:00Z' }] }), 400, 'blocked_times[0].ends_at');
    await expectField(await put({ blocked_times: [{ starts_at: taken.starts_at }] }), 400, 'blocked_times[0].ends_at');
    await expectField(await put({ blocked_times: [{ starts_at: taken.starts_at, ends_at: taken.ends_at, colour: 'red' }] }), 400, 'blocked_times[0].colour');
    expect((await agent.api.put(blocked, { headers: { 'X-CSRF-Token': agent.csrf }, data: { blocked_times: [] } })).status()).toBe(403);
    const saved = await json<{ blocked_times: { starts_at: string; ends_at: string; title: string }[] }>(
      await put({ blocked_times: [{ starts_at: taken.starts_at, ends_at: taken.ends_at, title: 'Messe Hannover' }] }),
      200,
    );
    expect(saved.blocked_times.map((b) => b.title)).toEqual(['Messe Hannover']);
    expect(await json(await admin.api.get(blocked), 200)).toEqual(saved);
    expect((await json<Suggestions>(await slotsOf(lead), 200)).slots.some(overlaps), 'blocked').toBe(false);
    expect(await json(await put({ blocked_times: [] }), 200)).toEqual({ blocked_times: [] });
    expect((await json<Suggestions>(await slotsOf(lead), 200)).slots.some(overlaps), 'free again').toBe(true);
    expect((await post(agent, `/api/workspace/leads/${lead}/release`)).status()).toBe(204);
  });

  test('signed links confirm or ask for another time, at risk, reminders at the offsets, no-show back to the agent, rates', async () => {
    await signInAgain();
    // A lead whose person has a mail address (the demo leaves some without).
    let held = await next();
    for (let tries = 0; !held.card!.person.email && tries < 10; tries++) {
      await json(await post(agent, `/api/workspace/leads/${held.lead_id}/outcome`, { outcome: 'no_answer', phone: held.card!.phones[0]!.e164 }), 201);
      held = await next();
    }
    const personEmail = held.card!.person.email;
    expect(personEmail, 'a person with a mail address').not.toBe('');
    const lead = held.lead_id!;
    const campaign = held.campaign_id!;

    // Reminder offsets: checked, then two days and two hours before.
    const reminders = `/api/campaigns/${campaign}/reminders`;
    expect(await json(await supervisor.api.get(reminders), 200)).toEqual({ offsets_minutes: [1440, 120] });
    const put = (session: ApiSession, data: unknown) => session.api.put(reminders, { headers: { 'X-CSRF-Token': session.csrf }, data });
    await expectField(await put(admin, { offsets_minutes: [5] }), 400, 'offsets_minutes[0]');
    await expectField(await put(admin, { offsets_minutes: [60, 'x'] }), 400, 'offsets_minutes[1]');
    await expectField(await put(admin, { offsets_minutes: [60, 120, 180, 240, 300] }), 400, 'offsets_minutes');
    await expectField(await put(admin, { offsets_minutes: [60, 60] }), 400, 'offsets_minutes[1]');
    expect((await put(agent, { offsets_minutes: [60] })).status()).toBe(403);
    expect(await json(await put(admin, { offsets_minutes: [120, 2880] }), 200)).toEqual({ offsets_minutes: [2880, 120] });

    // A slot at least four hours ahead, so that the two-hour reminder is not within the hour after the booking.
    const offered = (await json<Suggestions>(await slotsOf(lead), 200)).slots;
    const slot = offered.find((s) => Date.parse(s.starts_at) >= serverNow + 4 * 3600_000) ?? offered.at(-1)!;
    const bookedAt = serverNow;
    const { appointment_id: id } = await json<{ appointment_id: number }>(
      await post(agent, `/api/workspace/leads/${lead}/outcome`, {
        outcome: 'appointment', phone: held.card!.phones[0]!.e164, appointment: { rep_id: slot.rep_id, starts_at: slot.starts_at },
      }),
      201,
    );
    const confirmation = await sink.waitFor((mail) => mailsOf(id)(mail) && mail.to.includes(personEmail));
    const [confirmLink, changeLink] = linksIn(confirmation);
    expect(confirmLink && changeLink, 'the confirmation links to confirm and to ask for another time').toBeTruthy();
    expect(claimOf(confirmLink!)).toBe(`appointment/${id}/confirm/0`);
    expect(claimOf(changeLink!)).toBe(`appointment/${id}/change/0`);
    const repInvitation = await sink.waitFor((mail) => mailsOf(id)(mail) && !mail.to.includes(personEmail));
    expect(linksIn(repInvitation).map(claimOf), "the rep's invitation links to record how it went").toEqual([`appointment/${id}/outcome/0`]);

    const anonymous = await playwrightRequest.newContext({ baseURL: server.url });
    try {
      const opened = await json(await anonymous.get(confirmLink!), 200);
      expect(opened).toMatchObject({ action: 'confirm', done: false, outdated: false, appointment: { state: 'booked' } });
      // One character changed, or the signature cut off: refused at the token, and nothing changes.
      const token = confirmLink!.slice('/api/links/'.length);
      const flipped = token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6);
      await expectField(await anonymous.post(`/api/links/${flipped}`, { data: {} }), 400, 'token');
      await expectField(await anonymous.get(`/api/links/${token.split('~')[0]}`), 400, 'token');
      await expectField(await anonymous.post(changeLink!, { data: { outcome: 'held' } }), 400, 'outcome');
      expect((await json<{ state: string }>(await supervisor.api.get(`/api/appointments/${id}`), 200)).state).toBe('booked');

      // Asking for another time puts it at risk, with the person's note, to be moved.
      const changed = await json(await anonymous.post(changeLink!, { data: { note: 'Lieber dienstags nach 14 Uhr' } }), 200);
      expect(changed).toMatchObject({ done: true, appointment: { state: 'change_requested' } });
      type AtRisk = { appointments: { id: number; reasons: { code: string; detail: string }[]; action: string }[] };
      const risky = await json<AtRisk>(await supervisor.api.get(`/api/appointments/at-risk?campaign_id=${campaign}`), 200);
      const mine = risky.appointments.find((a) => a.id === id);
      expect(mine?.reasons[0]).toEqual({ code: 'change_requested', detail: 'Lieber dienstags nach 14 Uhr' });
      expect(mine?.action).toBe('reschedule');
      await expectField(await supervisor.api.get('/api/appointments/at-risk?campaign_id=x'), 400, 'campaign_id');

      // Call to re-confirm: a callback for the agent who booked it; agents do not order it themselves.
      expect((await post(agent, `/api/appointments/${id}/call-to-confirm`)).status()).toBe(403);
      const call = await json<{ callback_id: number }>(await post(supervisor, `/api/appointments/${id}/call-to-confirm`), 201);
      const again = await json<{ callback_id: number }>(await post(supervisor, `/api/appointments/${id}/call-to-confirm`), 201);
      expect(again.callback_id, 'an open callback is reused').toBe(call.callback_id);

      // The person confirms after all: no longer at risk for that reason.
      expect(await json(await anonymous.post(confirmLink!, { data: {} }), 200)).toMatchObject({ done: true, appointment: { state: 'confirmed' } });
      expect((await json<{ confirmed_at: string | null }>(await supervisor.api.get(`/api/appointments/${id}`), 200)).confirmed_at).not.toBeNull();
      const after = await json<AtRisk>(await supervisor.api.get(`/api/appointments/at-risk?campaign_id=${campaign}`), 200);
      expect(after.appointments.find((a) => a.id === id)?.reasons.some((r) => r.code === 'change_requested') ?? false).toBe(false);

      // Before the date there is no outcome yet.
      await expectField(await post(supervisor, `/api/appointments/${id}/outcome`, { outcome: 'held' }), 409, 'outcome');
      await expectField(await post(supervisor, `/api/appointments/${id}/outcome`, { outcome: 'great' }), 400, 'outcome');

      // Reminders two days and two hours before, to the person and to the rep (with the outcome link).
      const start = Date.parse(slot.starts_at);
      const personReminders = () => sink.received.filter((m) => m.subject.startsWith('Erinnerung') && m.to.includes(personEmail));
      const repReminders = () =>
        sink.received.filter((m) => m.subject.startsWith('Erinnerung') && linksIn(m).some((l) => claimOf(l) === `appointment/${id}/outcome/0`));
      let expected = 0;
      for (const offset of [2880, 120]) {
        const moment = start - offset * 60_000;
        if (moment < bookedAt + 3600_000) continue; // before the booking or within the hour after it: not sent
        expected += 1;
        await advance(Math.ceil((moment - serverNow) / 60_000) + 1);
        await sink.waitFor(() => personReminders().length === expected && repReminders().length === expected);
      }
      expect(expected, 'the two-hour reminder at least').toBeGreaterThan(0);
      expect(linksIn(personReminders().at(-1)!), 'confirmed: the person is not asked again').toEqual([]);

      // After the date: the rep reports a no-show through the link in the reminder.
      await advance(Math.ceil((Date.parse(slot.ends_at) - serverNow) / 60_000) + 5);
      await signInAgain();
      expect(personReminders().length, 'each reminder once').toBe(expected);
      const outcomeLink = linksIn(repReminders().at(-1)!)[0]!;
      expect(await json(await anonymous.get(outcomeLink), 200)).toMatchObject({ action: 'outcome', done: false });
      await expectField(await anonymous.post(outcomeLink, { data: { outcome: 'maybe' } }), 400, 'outcome');
      const reported = await json(await anonymous.post(outcomeLink, { data: { outcome: 'no_show', note: 'Niemand da' } }), 200);
      expect(reported).toMatchObject({ done: true, appointment: { state: 'no_show' } });
      await expectField(await post(supervisor, `/api/appointments/${id}/outcome`, { outcome: 'held' }), 409, 'outcome');

      // The no-show goes back to the agent who set it, as a callback due now with the reason.
      const callbacks = await json<{ callbacks: { id: number; lead_id: number; note: string }[] }>(await agent.api.get('/api/workspace/callbacks'), 200);
      const back = callbacks.callbacks.find((c) => c.lead_id === lead);
      expect(back?.note).toContain('nicht wahrgenommen');

      // The rates count it.
      type Rates = { campaign: { appointments: number; no_show: number; confirmed: number; no_show_rate: number | null }; reps: { rep_id: number; no_show: number }[] };
      const rates = await json<Rates>(await supervisor.api.get(`/api/campaigns/${campaign}/appointment-rates`), 200);
      expect(rates.campaign.no_show).toBeGreaterThanOrEqual(1);
      expect(rates.campaign.confirmed).toBeGreaterThanOrEqual(1);
      expect(rates.campaign.no_show_rate).toBeGreaterThan(0);
      expect(rates.reps.find((r) => r.rep_id === slot.rep_id)?.no_show).toBeGreaterThanOrEqual(1);
      expect((await supervisor.api.get('/api/campaigns/999999999/appointment-rates')).status()).toBe(404);
    } finally {
      await anonymous.dispose();
    }
  });
});
