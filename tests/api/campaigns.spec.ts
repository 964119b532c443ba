import { expect, test, type APIResponse } from '@playwright/test';
import { apiSignInAs, createUser, type ApiSession } from '../support/api';
import { json } from '../support/answers';

// Campaign setup through the API as a project manager does it: defaults within the law, stricter rules only,
// the caller ID before activation, briefing versions and acknowledgements, staff, reps, client archive.

const DETAIL_KEYS = [
  'archived', 'billing', 'briefing', 'briefing_acknowledged_at', 'caller_id', 'calling_rules', 'client_id', 'client_name',
  'country', 'ends_on', 'goal_kind', 'goal_target', 'id', 'info_mail', 'name', 'qualification', 'script', 'staff', 'starts_on', 'state',
];
const RULE_KEYS = ['max_attempts_per_campaign', 'max_attempts_per_day', 'max_attempts_per_week', 'min_gap_minutes', 'retry_delay_minutes', 'windows'];
const BRIEFING_KEYS = ['acknowledgements', 'body', 'created_at', 'created_by', 'created_by_name', 'id', 'version'];
const REP_KEYS = [
  'active', 'appointment_minutes', 'calendar_url', 'city', 'client_id', 'country', 'email', 'has_feed', 'id', 'name', 'phone',
  'postal_code', 'state', 'street', 'territories', 'time_zone', 'working_hours',
];

const keys = (value: unknown) => Object.keys(value as object).sort();
const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

interface Detail {
  id: number;
  client_id: number;
  state: string;
  country: string;
  caller_id: string | null;
  calling_rules: Record<string, unknown>;
  staff: { agents: number[]; specialists: number[]; rep_ids: number[] };
  briefing: { version: number; acknowledgements: number } | null;
  briefing_acknowledged_at: string | null;
  info_mail: { subject: string; body: string };
}

async function expectError(response: APIResponse, status: number, code: string, field: string) {
  expect(response.status(), await response.text()).toBe(status);
  const body = (await response.json()) as { error: { code: string; field: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.field).toBe(field);
}

/** A project manager's session with helpers that send the CSRF header. */
function writer(session: ApiSession) {
  const headers = { 'X-CSRF-Token': session.csrf };
  return {
    post: (url: string, data: unknown) => session.api.post(url, { data, headers }),
    patch: (url: string, data: unknown) => session.api.patch(url, { data, headers }),
    put: (url: string, data: unknown) => session.api.put(url, { data, headers }),
  };
}

async function newClient(pm: ApiSession, country = 'DE'): Promise<number> {
  const created = await writer(pm).post('/api/clients', { name: unique('Testkunde'), industry: 'Maschinenbau', city: 'Bielefeld', country });
  return (await json<{ id: number }>(created, 201)).id;
}

async function newCampaign(pm: ApiSession, clientId: number, extra: Record<string, unknown> = {}): Promise<Detail> {
  const created = await writer(pm).post('/api/campaigns', { client_id: clientId, name: unique('Kampagne'), ...extra });
  return json<Detail>(created, 201);
}

test.describe('campaign setup', () => {
  let pm: ApiSession;
  let clientId: number;

  test.beforeAll(async () => {
    pm = await apiSignInAs('project_manager');
    clientId = await newClient(pm);
  });

  test.afterAll(async () => {
    await pm?.dispose();
  });

  test('a new campaign is a draft whose calling rules are the legal limits', async () => {
    const legal = await json<Record<string, unknown>>(await pm.api.get('/api/calling-rules/legal'), 200);
    expect(keys(legal)).toEqual(RULE_KEYS);
    const weekday = [{ start: '08:00', end: '20:00' }];
    expect(legal).toEqual({
      windows: {
        monday: weekday, tuesday: weekday, wednesday: weekday, thursday: weekday, friday: weekday,
        saturday: [{ start: '09:00', end: '18:00' }], sunday: [],
      },
      max_attempts_per_day: 3,
      max_attempts_per_week: 15,
      max_attempts_per_campaign: 30,
      min_gap_minutes: 60,
      retry_delay_minutes: { no_answer: 180, busy: 60, voicemail: 1440, gatekeeper: 240, callback_general: 1440, info_mail: 4320 },
    });

    const campaign = await newCampaign(pm, clientId, {
      goal_kind: 'qualified_leads',
      goal_target: 30,
      starts_on: '2027-01-11',
      ends_on: '2027-02-26',
      billing: { hourly_rate_cents: 4500, per_qualified_appointment_cents: 12000 },
      script: { sections: [{ title: 'Begrüßung', text: 'Guten Tag …' }], objections: [{ question: 'Kein Interesse.', answer: 'Verstehe …' }] },
      qualification: [{ question: 'Entscheider anwesend?', required: true }, { question: 'Anzahl Standorte' }],
    });
    expect(keys(campaign)).toEqual(DETAIL_KEYS);
    expect(campaign.info_mail, 'a new campaign has no info mail').toEqual({ subject: '', body: '' });
    expect(campaign.state).toBe('draft');
    expect(campaign.country).toBe('DE');
    expect(campaign.caller_id).toBeNull();
    expect(campaign.calling_rules).toEqual(legal);
    expect(campaign.briefing).toBeNull();
    const read = await json<Detail & Record<string, unknown>>(await pm.api.get(`/api/campaigns/${campaign.id}`), 200);
    expect(read.billing).toEqual({ hourly_rate_cents: 4500, per_decision_maker_cents: null, per_qualified_appointment_cents: 12000, fixed_fee_cents: null });
    expect(read.qualification).toEqual([{ question: 'Entscheider anwesend?', required: true }, { question: 'Anzahl Standorte', required: false }]);
    expect(read.script).toEqual({ sections: [{ title: 'Begrüßung', text: 'Guten Tag …' }], objections: [{ question: 'Kein Interesse.', answer: 'Verstehe …' }] });
    expect(read.goal_kind).toBe('qualified_leads');

    const list = await json<{ campaigns: { id: number }[] }>(await pm.api.get(`/api/clients/${clientId}/campaigns`), 200);
    expect(list.campaigns.map((c) => c.id)).toContain(campaign.id);
  });

  const looser: { name: string; rules: Record<string, unknown>; field: string }[] = [
    { name: 'Saturday before 09:00', rules: { windows: { saturday: [{ start: '08:00', end: '18:00' }] } }, field: 'calling_rules.windows.saturday' },
    { name: 'a weekday after 20:00', rules: { windows: { friday: [{ start: '08:00', end: '20:30' }] } }, field: 'calling_rules.windows.friday' },
    { name: 'calls on Sunday', rules: { windows: { sunday: [{ start: '10:00', end: '12:00' }] } }, field: 'calling_rules.windows.sunday' },
    { name: '4 attempts a day', rules: { max_attempts_per_day: 4 }, field: 'calling_rules.max_attempts_per_day' },
    { name: '16 attempts a week', rules: { max_attempts_per_week: 16 }, field: 'calling_rules.max_attempts_per_week' },
    { name: '31 attempts per campaign', rules: { max_attempts_per_campaign: 31 }, field: 'calling_rules.max_attempts_per_campaign' },
    { name: 'a gap of 30 minutes', rules: { min_gap_minutes: 30 }, field: 'calling_rules.min_gap_minutes' },
    { name: 'a retry delay below the gap', rules: { min_gap_minutes: 120, retry_delay_minutes: { busy: 60 } }, field: 'calling_rules.retry_delay_minutes.busy' },
    { name: 'an unknown outcome', rules: { retry_delay_minutes: { hung_up: 60 } }, field: 'calling_rules.retry_delay_minutes.hung_up' },
    { name: 'a malformed time', rules: { windows: { monday: [{ start: '8 Uhr', end: '12:00' }] } }, field: 'calling_rules.windows.monday[0].start' },
  ];
  for (const c of looser) {
    test(`looser calling rules are refused with the field path: ${c.name}`, async () => {
      const campaign = await newCampaign(pm, clientId);
      await expectError(await writer(pm).patch(`/api/campaigns/${campaign.id}`, { calling_rules: c.rules }), 400, 'invalid', c.field);
      await expectError(await writer(pm).post('/api/campaigns', { client_id: clientId, name: unique('Zu locker'), calling_rules: c.rules }), 400, 'invalid', c.field);
      const unchanged = await json<Detail>(await pm.api.get(`/api/campaigns/${campaign.id}`), 200);
      expect(unchanged.calling_rules).toEqual(campaign.calling_rules);
    });
  }

  test('stricter calling rules are kept as sent', async () => {
    const campaign = await newCampaign(pm, clientId);
    const stricter = {
      windows: { monday: [{ start: '09:00', end: '12:00' }, { start: '14:00', end: '17:00' }], saturday: [] },
      max_attempts_per_day: 2,
      max_attempts_per_week: 6,
      max_attempts_per_campaign: 12,
      min_gap_minutes: 120,
      retry_delay_minutes: { busy: 120, no_answer: 240 },
    };
    const updated = await json<Detail>(await writer(pm).patch(`/api/campaigns/${campaign.id}`, { calling_rules: stricter }), 200);
    const rules = updated.calling_rules as { windows: Record<string, unknown>; retry_delay_minutes: Record<string, number> } & Record<string, unknown>;
    expect(rules.windows.monday).toEqual(stricter.windows.monday);
    expect(rules.windows.saturday).toEqual([]);
    expect(rules.windows.tuesday).toEqual([{ start: '08:00', end: '20:00' }]);
    expect(rules.max_attempts_per_day).toBe(2);
    expect(rules.min_gap_minutes).toBe(120);
    // Delays left out are raised to the longer gap; the given ones stay.
    expect(rules.retry_delay_minutes).toEqual({ no_answer: 240, busy: 120, voicemail: 1440, gatekeeper: 240, callback_general: 1440, info_mail: 4320 });
  });

  test('activation needs a valid caller ID', async () => {
    const campaign = await newCampaign(pm, clientId);
    await expectError(await writer(pm).post(`/api/campaigns/${campaign.id}/state`, { state: 'active' }), 409, 'conflict', 'caller_id');
    for (const wrong of ['12', 'keine Nummer', '+49 0000']) {
      await expectError(await writer(pm).patch(`/api/campaigns/${campaign.id}`, { caller_id: wrong }), 400, 'invalid', 'caller_id');
    }
    const withId = await json<Detail>(await writer(pm).patch(`/api/campaigns/${campaign.id}`, { caller_id: '0521 9876541' }), 200);
    expect(withId.caller_id).toBe('+495219876541');
    const active = await json<Detail>(await writer(pm).post(`/api/campaigns/${campaign.id}/state`, { state: 'active' }), 200);
    expect(active.state).toBe('active');
    await expectError(await writer(pm).patch(`/api/campaigns/${campaign.id}`, { caller_id: null }), 409, 'conflict', 'caller_id');
    expect((await json<Detail>(await writer(pm).post(`/api/campaigns/${campaign.id}/state`, { state: 'paused' }), 200)).state).toBe('paused');
    await expectError(await writer(pm).post(`/api/campaigns/${campaign.id}/state`, { state: 'draft' }), 409, 'conflict', 'state');
    expect((await json<Detail>(await writer(pm).post(`/api/campaigns/${campaign.id}/state`, { state: 'finished' }), 200)).state).toBe('finished');
    await expectError(await writer(pm).post(`/api/campaigns/${campaign.id}/state`, { state: 'active' }), 409, 'conflict', 'state');
    await expectError(await writer(pm).post(`/api/campaigns/${campaign.id}/state`, { state: 'running' }), 400, 'invalid', 'state');
  });

  test('briefings are versioned and the current version is acknowledged by agents', async () => {
    const campaign = await newCampaign(pm, clientId);
    const agent = await apiSignInAs('agent');
    try {
      await expectError(
        await writer(agent).post(`/api/campaigns/${campaign.id}/briefing-acknowledgements`, { version: 1 }),
        409, 'conflict', 'version',
      );
      const v1 = await json<Record<string, unknown>>(await writer(pm).post(`/api/campaigns/${campaign.id}/briefings`, { body: 'Erste Fassung' }), 201);
      expect(keys(v1)).toEqual(BRIEFING_KEYS);
      expect(v1.version).toBe(1);
      expect(v1.created_by).toBe(pm.user.id);
      await expectError(await writer(pm).post(`/api/campaigns/${campaign.id}/briefings`, { body: 'Erste Fassung' }), 409, 'conflict', 'body');
      await expectError(await writer(pm).post(`/api/campaigns/${campaign.id}/briefings`, { body: '' }), 400, 'invalid', 'body');
      const v2 = await json<{ version: number }>(await writer(pm).post(`/api/campaigns/${campaign.id}/briefings`, { body: 'Zweite Fassung' }), 201);
      expect(v2.version).toBe(2);

      const before = await json<Detail>(await agent.api.get(`/api/campaigns/${campaign.id}`), 200);
      expect(before.briefing?.version).toBe(2);
      expect(before.briefing_acknowledged_at).toBeNull();
      await expectError(
        await writer(agent).post(`/api/campaigns/${campaign.id}/briefing-acknowledgements`, { version: 1 }),
        409, 'conflict', 'version',
      );
      const acknowledged = await json<Detail>(
        await writer(agent).post(`/api/campaigns/${campaign.id}/briefing-acknowledgements`, { version: 2 }),
        200,
      );
      expect(acknowledged.briefing_acknowledged_at).not.toBeNull();
      expect(acknowledged.briefing?.acknowledgements).toBe(1);
      // Twice is once.
      await json<Detail>(await writer(agent).post(`/api/campaigns/${campaign.id}/briefing-acknowledgements`, { version: 2 }), 200);
      // A project manager does not call, so does not acknowledge.
      expect((await writer(pm).post(`/api/campaigns/${campaign.id}/briefing-acknowledgements`, { version: 2 })).status()).toBe(403);

      const history = await json<{ briefings: { version: number; body: string; acknowledgements: number }[] }>(
        await pm.api.get(`/api/campaigns/${campaign.id}/briefings`),
        200,
      );
      expect(history.briefings.map((b) => [b.version, b.body, b.acknowledgements])).toEqual([
        [2, 'Zweite Fassung', 1],
        [1, 'Erste Fassung', 0],
      ]);
      // The pm's own view shows no acknowledgement of theirs.
      expect((await json<Detail>(await pm.api.get(`/api/campaigns/${campaign.id}`), 200)).briefing_acknowledged_at).toBeNull();
    } finally {
      await agent.dispose();
    }
  });

  test('staff: agents, specialists and reps of the client', async () => {
    const campaign = await newCampaign(pm, clientId);
    const agent = await createUser('agent');
    const supervisor = await createUser('supervisor');
    const clientManager = await createUser('client_manager', { clientId });
    const rep = await json<{ id: number }>(await writer(pm).post(`/api/clients/${clientId}/reps`, { name: 'Regina Außendienst', territories: '33' }), 201);
    const otherClient = await newClient(pm);
    const foreignRep = await json<{ id: number }>(await writer(pm).post(`/api/clients/${otherClient}/reps`, { name: 'Fremder Rep' }), 201);

    const staffed = await json<Detail>(
      await writer(pm).put(`/api/campaigns/${campaign.id}/staff`, { agents: [agent.id], specialists: [supervisor.id], rep_ids: [rep.id] }),
      200,
    );
    expect(staffed.staff).toEqual({ agents: [agent.id], specialists: [supervisor.id], rep_ids: [rep.id] });
    // A list left out stays as it is.
    const agentsOnly = await json<Detail>(await writer(pm).put(`/api/campaigns/${campaign.id}/staff`, { agents: [] }), 200);
    expect(agentsOnly.staff).toEqual({ agents: [], specialists: [supervisor.id], rep_ids: [rep.id] });

    const url = `/api/campaigns/${campaign.id}/staff`;
    await expectError(await writer(pm).put(url, { agents: [agent.id, clientManager.id] }), 400, 'invalid', 'agents[1]');
    await expectError(await writer(pm).put(url, { rep_ids: [foreignRep.id] }), 400, 'invalid', 'rep_ids[0]');
    await expectError(await writer(pm).put(url, { agents: [supervisor.id] }), 400, 'invalid', 'specialists');
    await expectError(await writer(pm).put(url, { agents: ['x'] }), 400, 'invalid', 'agents[0]');
    expect((await json<Detail>(await pm.api.get(`/api/campaigns/${campaign.id}`), 200)).staff).toEqual(agentsOnly.staff);
  });

  test('reps with territories: create, normalise, edit, deactivate', async () => {
    const created = await json<Record<string, unknown>>(
      await writer(pm).post(`/api/clients/${clientId}/reps`, { name: 'Stefan Gebiet', email: 'S.Gebiet@Example.com', territories: '32, 33;480 33' }),
      201,
    );
    expect(keys(created)).toEqual(REP_KEYS);
    expect(created.territories).toBe('32,33,480');
    expect(created.active).toBe(true);
    expect(created.client_id).toBe(clientId);
    await expectError(await writer(pm).post(`/api/clients/${clientId}/reps`, { name: 'Falsch', territories: '3a' }), 400, 'invalid', 'territories');
    await expectError(await writer(pm).post(`/api/clients/${clientId}/reps`, { name: 'Lang', territories: '123456' }), 400, 'invalid', 'territories');
    await expectError(await writer(pm).post(`/api/clients/${clientId}/reps`, { territories: '10' }), 400, 'invalid', 'name');

    const edited = await json<Record<string, unknown>>(await writer(pm).patch(`/api/reps/${created.id}`, { territories: '40 41', phone: '0521 123' }), 200);
    expect(edited.territories).toBe('40,41');
    expect(edited.name).toBe('Stefan Gebiet');
    const inactive = await json<Record<string, unknown>>(await writer(pm).patch(`/api/reps/${created.id}`, { active: false }), 200);
    expect(inactive.active).toBe(false);
    const list = await json<{ reps: Record<string, unknown>[] }>(await pm.api.get(`/api/clients/${clientId}/reps`), 200);
    expect(list.reps.find((r) => r.id === created.id)).toEqual(inactive);
    for (const r of list.reps) expect(keys(r)).toEqual(REP_KEYS);
  });

  test('a client is edited, archived and restored; an archived client gets no new campaign', async () => {
    const id = await newClient(pm);
    const name = unique('Umbenannt');
    const edited = await json<Record<string, unknown>>(await writer(pm).patch(`/api/clients/${id}`, { name, city: 'Wien', country: 'at' }), 200);
    expect(edited).toMatchObject({ id, name, city: 'Wien', country: 'AT', archived: false });
    await expectError(await writer(pm).patch(`/api/clients/${id}`, { country: 'XX' }), 400, 'invalid', 'country');
    const archived = await json<{ archived: boolean }>(await writer(pm).patch(`/api/clients/${id}`, { archived: true }), 200);
    expect(archived.archived).toBe(true);
    await expectError(await writer(pm).post('/api/campaigns', { client_id: id, name: unique('Zu spät') }), 409, 'conflict', 'client_id');
    const restored = await json<{ archived: boolean }>(await writer(pm).patch(`/api/clients/${id}`, { archived: false }), 200);
    expect(restored.archived).toBe(false);
    const campaign = await newCampaign(pm, id);
    expect(campaign.country).toBe('AT');
    // The client's country reads national caller IDs.
    const withId = await json<Detail>(await writer(pm).patch(`/api/campaigns/${campaign.id}`, { caller_id: '01 5121234' }), 200);
    expect(withId.caller_id).toBe('+4315121234');

    const admin = await apiSignInAs('admin');
    try {
      const audit = await json<{ entries: { action: string; target_id: number | null }[] }>(await admin.api.get('/api/audit?limit=100'), 200);
      const actions = audit.entries.filter((e) => e.target_id === id).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['client.updated', 'client.archived', 'client.restored']));
    } finally {
      await admin.dispose();
    }
  });

  test('staff candidates: a project manager sees the active agents, supervisors and project managers', async () => {
    const agent = await createUser('agent');
    const supervisor = await createUser('supervisor');
    const clientManager = await createUser('client_manager', { clientId });
    const body = await json<{ users: { id: number; name: string; role: string }[] }>(await pm.api.get('/api/staff-candidates'), 200);
    const ids = body.users.map((u) => u.id);
    expect(ids).toContain(agent.id);
    expect(ids).toContain(supervisor.id);
    expect(ids).not.toContain(clientManager.id);
    for (const user of body.users) {
      expect(keys(user)).toEqual(['id', 'name', 'role']);
      expect(['agent', 'supervisor', 'project_manager']).toContain(user.role);
    }
    const asAgent = await apiSignInAs('agent');
    try {
      expect((await asAgent.api.get('/api/staff-candidates')).status()).toBe(403);
    } finally {
      await asAgent.dispose();
    }
  });

  test('agents read campaigns but cannot change them', async () => {
    const campaign = await newCampaign(pm, clientId);
    const agent = await apiSignInAs('agent');
    try {
      expect((await agent.api.get(`/api/campaigns/${campaign.id}`)).status()).toBe(200);
      expect((await writer(agent).patch(`/api/campaigns/${campaign.id}`, { name: 'Agent war hier' })).status()).toBe(403);
      expect((await writer(agent).post(`/api/campaigns/${campaign.id}/briefings`, { body: 'Agent war hier' })).status()).toBe(403);
    } finally {
      await agent.dispose();
    }
  });
});
