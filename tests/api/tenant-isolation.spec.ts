import { expect, test, type APIResponse } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { apiSignIn, apiSignInAs, firstClientId, type ApiSession } from '../support/api';
import { ROLES, type Role } from '../support/credentials';
import { itemAt } from '../support/present';
import { serverRoutes, type RouteEntry } from '../support/routes';

// Walks every route of the server's own table and proves that one tenant cannot reach another's data:
// agency B's admin tries agency A's ids, and A's client manager tries the ids of A's other client.
// A route with a path parameter this file does not know fails the test, so new routes cannot slip past.

type Kind =
  | 'user' | 'token' | 'client' | 'campaign' | 'rep' | 'contact' | 'privacy_request' | 'import' | 'lead' | 'callback'
  | 'escalation' | 'call_attempt' | 'appointment';
const KINDS: readonly Kind[] = [
  'user', 'token', 'client', 'campaign', 'rep', 'contact', 'privacy_request', 'import', 'lead', 'callback', 'escalation',
  'call_attempt', 'appointment',
];

function kindOf(route: RouteEntry): Kind | null {
  if (!route.path.includes('{')) return null;
  // The links in appointment mails: the signed token is the credential, whoever holds it (api/appointments.spec.ts
  // tries changed and foreign tokens).
  if (route.path === '/api/links/{token}') return null;
  const prefixes: [string, Kind][] = [
    ['/api/users/{id}', 'user'],
    ['/api/tokens/{id}', 'token'],
    ['/api/clients/{id}', 'client'],
    ['/api/campaigns/{id}', 'campaign'],
    ['/api/reps/{id}', 'rep'],
    ['/api/contacts/{id}', 'contact'],
    ['/api/privacy-requests/{id}', 'privacy_request'],
    ['/api/imports/{id}', 'import'],
    ['/api/leads/{id}', 'lead'],
    ['/api/workspace/leads/{id}', 'lead'],
    ['/api/callbacks/{id}', 'callback'],
    ['/api/escalations/{id}', 'escalation'],
    ['/api/call-attempts/{id}', 'call_attempt'],
    ['/api/appointments/{id}', 'appointment'],
  ];
  for (const [prefix, kind] of prefixes) if (route.path.startsWith(prefix)) return kind;
  throw new Error(`the tenant walk does not know the parameter of ${route.method} ${route.path}: teach kindOf()`);
}

/** A body that would succeed if the tenant check were missing. */
function bodyFor(route: RouteEntry): unknown {
  if (route.method === 'PATCH' && route.path.startsWith('/api/users/')) return { name: 'Übernommen', active: false };
  if (route.method === 'POST' && route.path.endsWith('/password')) return { password: 'Uebernommen-12345' };
  if (route.method === 'PATCH' && route.path.startsWith('/api/reps/')) return { name: 'Übernommen', active: false };
  if (route.method === 'PATCH' && route.path.startsWith('/api/clients/')) return { name: 'Übernommen', archived: true };
  if (route.method === 'PATCH' && route.path.startsWith('/api/campaigns/')) return { name: 'Übernommen', archived: true };
  if (route.path.endsWith('/reps') && route.method === 'POST') return { name: 'Übernommen', territories: '10' };
  if (route.path.endsWith('/briefings') && route.method === 'POST') return { body: 'Übernommen' };
  if (route.path.endsWith('/state')) return { state: 'finished' };
  if (route.path.endsWith('/briefing-acknowledgements')) return { version: 1 };
  if (route.path.endsWith('/corrections')) return { outcome: 'wrong_number', note: 'Übernommen' };
  if (route.path === '/api/appointments/{id}/reschedule') return { starts_at: new Date(Date.now() + 7 * 86_400_000).toISOString() };
  if (route.path === '/api/appointments/{id}/cancel') return { reason: 'Übernommen' };
  if (route.path === '/api/appointments/{id}/outcome') return { outcome: 'cancelled', note: 'Übernommen' };
  if (route.path === '/api/campaigns/{id}/reminders' && route.method === 'PUT') return { offsets_minutes: [60] };
  if (route.path === '/api/reps/{id}/blocked-times' && route.method === 'PUT') return { blocked_times: [] };
  if (route.path.endsWith('/staff')) return { agents: [], specialists: [], rep_ids: [] };
  if (route.method === 'PATCH' && route.path.startsWith('/api/contacts/')) return { last_name: 'Übernommen' };
  if (route.path === '/api/contacts/{id}/block') return { reason: 'Übernommen' };
  if (route.path === '/api/contacts/{id}/consents') {
    return { kind: 'consent', given_by: 'X', beneficiary: 'Y', purpose: 'Z', given_at: '2026-01-05T09:00:00Z', channel: 'phone' };
  }
  if (route.path === '/api/campaigns/{id}/leads' && route.method === 'POST') return { person_id: 1 };
  if (route.path === '/api/privacy-requests/{id}') return { state: 'rejected', note: 'Übernommen' };
  if (route.path === '/api/leads/{id}/assign' || route.path === '/api/callbacks/{id}/reassign') return { user_id: 1 };
  if (route.path === '/api/workspace/leads/{id}/outcome' || route.path === '/api/escalations/{id}/resolve') {
    return { outcome: 'no_answer', phone: '+493012345678' };
  }
  if (route.path === '/api/workspace/leads/{id}/escalations') {
    return { question: 'Übernommen?', promised_at: new Date(Date.now() + 3_600_000).toISOString() };
  }
  if (route.method === 'GET' || route.method === 'DELETE') return undefined;
  return {};
}

async function call(session: ApiSession, route: RouteEntry, id: number): Promise<APIResponse> {
  const url = route.path.replace('{id}', String(id));
  const data = bodyFor(route);
  const headers = { 'X-CSRF-Token': session.csrf };
  return session.api.fetch(url, { method: route.method, headers, ...(data === undefined ? {} : { data }) });
}

interface Ids {
  user: number[];
  token: number[];
  client: number[];
  campaign: number[];
  rep: number[];
  contact: number[];
  privacy_request: number[];
  import: number[];
  lead: number[];
  callback: number[];
  escalation: number[];
  call_attempt: number[];
  appointment: number[];
}

/** The ids of the reps of the given clients (GET /api/clients/{id}/reps). */
async function repsOf(session: ApiSession, clientIds: number[]): Promise<number[]> {
  const ids: number[] = [];
  for (const clientId of clientIds) {
    const response = await session.api.get(`/api/clients/${clientId}/reps`);
    expect(response.status(), await response.text()).toBe(200);
    ids.push(...((await response.json()) as { reps: { id: number }[] }).reps.map((r) => r.id));
  }
  return ids;
}

async function idsOf(session: ApiSession): Promise<Ids> {
  const get = async (path: string, key: string) => {
    const response = await session.api.get(path);
    expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
    return ((await response.json())[key] as { id: number; client_id?: number }[]) ?? [];
  };
  const campaigns = await get('/api/campaigns', 'campaigns');
  const clients = await get('/api/clients', 'clients');
  const imports: number[] = [];
  if (session.user.role === 'admin' || session.user.role === 'project_manager') {
    for (const client of clients) imports.push(...(await get(`/api/clients/${client.id}/imports`, 'imports')).map((i) => i.id));
  }
  const leads: number[] = [];
  for (const campaign of campaigns) leads.push(...(await get(`/api/campaigns/${campaign.id}/leads?limit=200`, 'leads')).map((l) => l.id));
  const callbacks = session.user.role === 'admin' ? (await get('/api/supervision', 'callbacks')).map((c) => c.id) : [];
  const escalations = session.user.role === 'admin' ? (await get('/api/escalations', 'escalations')).map((e) => e.id) : [];
  // Call attempts through the campaigns' call logs and the lead cards of the first leads (the demo records calls on
  // its active campaigns).
  const attempts = new Set<number>();
  if (session.user.role === 'admin') {
    for (const campaign of campaigns) {
      for (const a of await get(`/api/campaigns/${campaign.id}/attempts?limit=200`, 'attempts')) attempts.add(a.id);
    }
    for (const lead of leads.slice(0, 40)) for (const a of await get(`/api/workspace/leads/${lead}`, 'attempts')) attempts.add(a.id);
  }
  return {
    user: (await get('/api/users', 'users')).map((u) => u.id),
    token: (await get('/api/tokens', 'tokens')).map((t) => t.id),
    client: clients.map((c) => c.id),
    campaign: campaigns.map((c) => c.id),
    rep: await repsOf(session, clients.map((c) => c.id)),
    contact: (await get('/api/contacts?limit=200', 'contacts')).map((c) => c.id),
    privacy_request: (await get('/api/privacy-requests?limit=200', 'requests')).map((r) => r.id),
    import: imports,
    lead: leads,
    callback: callbacks,
    escalation: escalations,
    call_attempt: [...attempts],
    appointment: (await get('/api/appointments?limit=500', 'appointments')).map((a) => a.id),
  };
}

test.describe('tenant isolation, route by route', () => {
  let routes: RouteEntry[];
  let adminA: ApiSession;
  let adminB: ApiSession;
  let idsA: Ids;
  let tokenSecretA: string;
  let contactIdA: number;

  test.beforeAll(async () => {
    routes = serverRoutes();
    expect(routes.length).toBeGreaterThan(10);
    adminA = await apiSignInAs('admin');
    const other = JSON.parse(readFileSync(process.env.TERMINTREU_OTHER_AGENCY ?? '', 'utf8')) as {
      email: string;
      password: string;
    };
    adminB = await apiSignIn(other.email, other.password);
    // A token of agency A, so token routes have a target.
    const created = await adminA.api.post('/api/tokens', {
      data: { name: 'Mandantentest', role: 'agent' },
      headers: { 'X-CSRF-Token': adminA.csrf },
    });
    expect(created.status()).toBe(201);
    tokenSecretA = ((await created.json()) as { secret: string }).secret;
    // A contact and a privacy request of agency A, so their routes have targets.
    const clientA = await firstClientId(adminA);
    const contact = await adminA.api.post('/api/contacts', {
      data: { client_id: clientA, first_name: 'Mandanten', last_name: `Test ${Date.now()}` },
      headers: { 'X-CSRF-Token': adminA.csrf },
    });
    expect(contact.status(), await contact.text()).toBe(201);
    contactIdA = ((await contact.json()) as { id: number }).id;
    const request = await adminA.api.post('/api/privacy-requests', {
      data: { kind: 'access', subject: 'Mandantentest' },
      headers: { 'X-CSRF-Token': adminA.csrf },
    });
    expect(request.status(), await request.text()).toBe(201);
    // An import of agency A, so import routes have a target.
    const clientsA = (await (await adminA.api.get('/api/clients')).json()) as { clients: { id: number }[] };
    const uploaded = await adminA.api.post(`/api/clients/${itemAt(clientsA.clients, 0, 'clients of agency A').id}/imports?name=liste.csv`, {
      data: Buffer.from('Firma;Nachname;Telefon\r\nKessler GmbH;Berg;030 1234567\r\n'),
      headers: { 'X-CSRF-Token': adminA.csrf, 'Content-Type': 'text/csv' },
    });
    expect(uploaded.status(), await uploaded.text()).toBe(201);
    // A callback and an escalation of agency A: a lead sent to the demo agent, who takes it and escalates a question.
    const agentA = await apiSignInAs('agent');
    try {
      const staffed = (await (await adminA.api.get('/api/campaigns')).json()) as { campaigns: { id: number }[] };
      let assigned = false;
      for (const campaign of staffed.campaigns) {
        const detail = (await (await adminA.api.get(`/api/campaigns/${campaign.id}`)).json()) as {
          state: string;
          staff: { agents: number[] };
          briefing: { version: number } | null;
        };
        const leads = (await (await adminA.api.get(`/api/campaigns/${campaign.id}/leads?limit=50`)).json()) as {
          leads: { id: number; state: string }[];
        };
        const open = leads.leads.find((l) => l.state === 'new');
        if (detail.state !== 'active' || !detail.staff.agents.includes(agentA.user.id) || !open) continue;
        const sent = await adminA.api.post(`/api/leads/${open.id}/assign`, {
          data: { user_id: agentA.user.id },
          headers: { 'X-CSRF-Token': adminA.csrf },
        });
        expect(sent.status(), await sent.text()).toBe(201);
        if (detail.briefing) {
          const ack = await agentA.api.post(`/api/campaigns/${campaign.id}/briefing-acknowledgements`, {
            data: { version: detail.briefing.version },
            headers: { 'X-CSRF-Token': agentA.csrf },
          });
          expect(ack.status(), await ack.text()).toBe(200);
        }
        assigned = true;
        break;
      }
      expect(assigned, 'an active demo campaign has the demo agent and an open lead').toBe(true);
      const next = await agentA.api.post('/api/workspace/next', { headers: { 'X-CSRF-Token': agentA.csrf } });
      const held = (await next.json()) as { lead_id: number | null; callback: { kind: string } | null };
      expect(held.callback?.kind, 'the assigned lead comes first, as a callback').toBe('personal');
      // The promise must fall inside calling hours in the person's time: a weekday morning ahead, the next one on a
      // holiday.
      let escalated = false;
      let at = Date.now();
      for (let day = 0; day < 10 && !escalated; day++) {
        at += 24 * 60 * 60_000;
        const morning = new Date(new Date(at).toISOString().slice(0, 10) + 'T09:30:00Z');
        const raised = await agentA.api.post(`/api/workspace/leads/${held.lead_id}/escalations`, {
          data: { question: 'Gilt das Angebot auch für Filialen?', urgency: 'high', promised_at: morning.toISOString() },
          headers: { 'X-CSRF-Token': agentA.csrf },
        });
        if (raised.status() === 201) escalated = true;
        else expect(raised.status(), await raised.text()).toBe(400);
      }
      expect(escalated, 'an escalation was raised').toBe(true);
      const released = await agentA.api.post(`/api/workspace/leads/${held.lead_id}/release`, {
        headers: { 'X-CSRF-Token': agentA.csrf },
      });
      expect(released.status(), await released.text()).toBe(204);
    } finally {
      await agentA.dispose();
    }
    idsA = await idsOf(adminA);
    for (const kind of KINDS) {
      expect(idsA[kind].length, `agency A has ${kind}s to attack`).toBeGreaterThan(0);
    }
  });

  test.afterAll(async () => {
    await adminA?.dispose();
    await adminB?.dispose();
  });

  test("another agency's admin gets 404 for every id of agency A, on every route", async () => {
    let attempts = 0;
    for (const route of routes) {
      const kind = kindOf(route);
      if (!kind || route.public) continue;
      for (const id of idsA[kind]) {
        const response = await call(adminB, route, id);
        expect([403, 404], `${route.method} ${route.path} with A's ${kind} ${id}: ${await response.text()}`).toContain(
          response.status(),
        );
        attempts++;
      }
    }
    expect(attempts).toBeGreaterThan(20);
    // Nothing of A changed: its token still works, its users and contacts keep their names, nothing was blocked.
    const token = await adminA.api.get('/api/agency', { headers: { Authorization: `Bearer ${tokenSecretA}` } });
    expect(token.status()).toBe(200);
    const users = (await (await adminA.api.get('/api/users')).json()) as { users: { name: string; active: boolean }[] };
    for (const user of users.users) expect(user.name).not.toBe('Übernommen');
    const after = await idsOf(adminA);
    expect(after.rep.sort()).toEqual([...idsA.rep].sort());
    for (const clientId of idsA.client) {
      const reps = (await (await adminA.api.get(`/api/clients/${clientId}/reps`)).json()) as { reps: { name: string }[] };
      for (const rep of reps.reps) expect(rep.name).not.toBe('Übernommen');
    }
    const clients = (await (await adminA.api.get('/api/clients')).json()) as { clients: { name: string }[] };
    for (const client of clients.clients) expect(client.name).not.toBe('Übernommen');
    const target = (await (await adminA.api.get(`/api/contacts/${contactIdA}`)).json()) as { last_name: string; blocked: boolean };
    expect(target.last_name).not.toBe('Übernommen');
    expect(target.blocked, 'the contact was blocked by another agency').toBe(false);
  });

  test("another agency's lists never show agency A's records", async () => {
    const idsB = await idsOf(adminB);
    for (const kind of KINDS) {
      for (const id of idsB[kind]) expect(idsA[kind], `${kind} ${id} seen by both agencies`).not.toContain(id);
    }
    const audit = (await (await adminB.api.get('/api/audit?limit=500')).json()) as { entries: { target_id: number | null; action: string }[] };
    for (const entry of audit.entries) {
      if (entry.action.startsWith('user.')) expect(idsA.user).not.toContain(entry.target_id);
    }
  });

  test("a client manager gets 404 for the other client's ids, on every route", async () => {
    const manager = await apiSignInAs('client_manager');
    try {
      const me = (await (await manager.api.get('/api/me')).json()) as { user: { client_id: number } };
      const own = me.user.client_id;
      const otherClients = idsA.client.filter((id) => id !== own);
      const allCampaigns = (await (await adminA.api.get('/api/campaigns')).json()) as {
        campaigns: { id: number; client_id: number }[];
      };
      const otherCampaigns = allCampaigns.campaigns.filter((c) => c.client_id !== own).map((c) => c.id);
      expect(otherClients.length).toBeGreaterThan(0);
      expect(otherCampaigns.length).toBeGreaterThan(0);
      const otherReps = await repsOf(adminA, otherClients);
      expect(otherReps.length, "the other clients have reps to attack").toBeGreaterThan(0);
      const allAppointments = (await (await adminA.api.get('/api/appointments?limit=500')).json()) as {
        appointments: { id: number; client_id: number }[];
      };
      const otherAppointments = allAppointments.appointments.filter((a) => a.client_id !== own).map((a) => a.id);
      expect(otherAppointments.length, 'the other clients have appointments to attack').toBeGreaterThan(0);
      const foreign: Partial<Record<Kind, number[]>> = {
        client: otherClients, campaign: otherCampaigns, rep: otherReps, appointment: otherAppointments,
      };
      let attempts = 0;
      for (const route of routes) {
        const kind = kindOf(route);
        if (!kind || route.public || !foreign[kind]) continue;
        for (const id of foreign[kind]!) {
          const response = await call(manager, route, id);
          expect([403, 404], `${route.method} ${route.path} with ${kind} ${id}`).toContain(response.status());
          attempts++;
        }
      }
      expect(attempts).toBeGreaterThan(3);
      const clients = (await (await manager.api.get('/api/clients')).json()) as { clients: { id: number }[] };
      expect(clients.clients.map((c) => c.id)).toEqual([own]);
      const campaigns = (await (await manager.api.get('/api/campaigns')).json()) as { campaigns: { client_id: number }[] };
      for (const c of campaigns.campaigns) expect(c.client_id).toBe(own);
      // Lists filter to the own client: asking for another client's appointments gives none.
      const ownAppointments = (await (await manager.api.get('/api/appointments')).json()) as {
        appointments: { client_id: number }[];
      };
      expect(ownAppointments.appointments.length).toBeGreaterThan(0);
      for (const a of ownAppointments.appointments) expect(a.client_id).toBe(own);
      const asked = (await (await manager.api.get(`/api/appointments?client_id=${otherClients[0]}`)).json()) as {
        appointments: unknown[];
      };
      expect(asked.appointments).toEqual([]);
      // The own client's reps are readable; the other clients' reps were refused above on every route.
      const ownReps = (await (await manager.api.get(`/api/clients/${own}/reps`)).json()) as { reps: { client_id: number }[] };
      for (const r of ownReps.reps) expect(r.client_id).toBe(own);
      expect((await manager.api.get('/api/users')).status()).toBe(403);
      expect((await manager.api.get('/api/tokens')).status()).toBe(403);
    } finally {
      await manager.dispose();
    }
  });

  test('every role gets 403 on each route whose permissions it lacks', async () => {
    const granted: Record<Role, string[]> = {} as Record<Role, string[]>;
    for (const role of ROLES) {
      const session = await apiSignInAs(role);
      try {
        granted[role] = ((await (await session.api.get('/api/me')).json()) as { permissions: string[] }).permissions;
        for (const route of routes) {
          if (route.public || route.permissions.length === 0) continue;
          if (route.permissions.some((p) => granted[role].includes(p))) continue;
          const kind = kindOf(route);
          const id = kind ? (idsA[kind][0] ?? 0) : 0;
          const response = await call(session, route, id);
          expect(response.status(), `${role} ${route.method} ${route.path}`).toBe(403);
        }
      } finally {
        await session.dispose();
      }
    }
  });

  test('requests without credentials get 401 on every non-public route', async ({ request }) => {
    for (const route of routes) {
      if (route.public) continue;
      const kind = kindOf(route);
      const url = route.path.replace('{id}', String(kind ? idsA[kind][0] : 1));
      const response = await request.fetch(url, { method: route.method });
      expect(response.status(), `${route.method} ${route.path}`).toBe(401);
    }
  });
});
