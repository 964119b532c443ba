import { expect, test, type APIResponse } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { apiSignIn, apiSignInAs, type ApiSession } from '../support/api';
import { ROLES, type Role } from '../support/credentials';
import { serverRoutes, type RouteEntry } from '../support/routes';

// Walks every route of the server's own table and proves that one tenant cannot reach another's data:
// agency B's admin tries agency A's ids, and A's client manager tries the ids of A's other client.
// A route with a path parameter this file does not know fails the test, so new routes cannot slip past.

type Kind = 'user' | 'token' | 'client' | 'campaign' | 'import';

function kindOf(route: RouteEntry): Kind | null {
  if (!route.path.includes('{')) return null;
  const prefixes: [string, Kind][] = [
    ['/api/users/{id}', 'user'],
    ['/api/tokens/{id}', 'token'],
    ['/api/clients/{id}', 'client'],
    ['/api/campaigns/{id}', 'campaign'],
    ['/api/imports/{id}', 'import'],
  ];
  for (const [prefix, kind] of prefixes) if (route.path.startsWith(prefix)) return kind;
  throw new Error(`the tenant walk does not know the parameter of ${route.method} ${route.path}: teach kindOf()`);
}

/** A body that would succeed if the tenant check were missing. */
function bodyFor(route: RouteEntry): unknown {
  if (route.method === 'PATCH' && route.path.startsWith('/api/users/')) return { name: 'Übernommen', active: false };
  if (route.method === 'POST' && route.path.endsWith('/password')) return { password: 'Uebernommen-12345' };
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
  import: number[];
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
  return {
    user: (await get('/api/users', 'users')).map((u) => u.id),
    token: (await get('/api/tokens', 'tokens')).map((t) => t.id),
    client: clients.map((c) => c.id),
    campaign: campaigns.map((c) => c.id),
    import: imports,
  };
}

test.describe('tenant isolation, route by route', () => {
  let routes: RouteEntry[];
  let adminA: ApiSession;
  let adminB: ApiSession;
  let idsA: Ids;
  let tokenSecretA: string;

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
    // An import of agency A, so import routes have a target.
    const clientsA = (await (await adminA.api.get('/api/clients')).json()) as { clients: { id: number }[] };
    const uploaded = await adminA.api.post(`/api/clients/${clientsA.clients[0].id}/imports?name=liste.csv`, {
      data: Buffer.from('Firma;Nachname;Telefon\r\nKessler GmbH;Berg;030 1234567\r\n'),
      headers: { 'X-CSRF-Token': adminA.csrf, 'Content-Type': 'text/csv' },
    });
    expect(uploaded.status(), await uploaded.text()).toBe(201);
    idsA = await idsOf(adminA);
    for (const kind of ['user', 'token', 'client', 'campaign', 'import'] as Kind[]) {
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
    // Nothing of A changed: its token still works and its users keep their names.
    const token = await adminA.api.get('/api/agency', { headers: { Authorization: `Bearer ${tokenSecretA}` } });
    expect(token.status()).toBe(200);
    const users = (await (await adminA.api.get('/api/users')).json()) as { users: { name: string; active: boolean }[] };
    for (const user of users.users) expect(user.name).not.toBe('Übernommen');
  });

  test("another agency's lists never show agency A's records", async () => {
    const idsB = await idsOf(adminB);
    for (const kind of ['user', 'token', 'client', 'campaign', 'import'] as Kind[]) {
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
      const foreign: Partial<Record<Kind, number[]>> = { client: otherClients, campaign: otherCampaigns };
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
          const id = kind ? idsA[kind][0] : 0;
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
