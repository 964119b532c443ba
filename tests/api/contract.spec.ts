import { expect, test } from '@playwright/test';
import { apiSignIn, apiSignInAs, createUser, firstClientId } from '../support/api';
import { credentials, demoUser, ROLES, uniqueEmail, type Role } from '../support/credentials';
import { openApiOperations, serverRoutes } from '../support/routes';

// Shapes and rules of /tmp/termintreu-api.md (docs/openapi.yaml) that the web app relies on.
// Tenant isolation and hostile input are covered by the lead's API tests.

const USER_KEYS = ['active', 'client_id', 'client_name', 'created_at', 'email', 'id', 'locale', 'name', 'role', 'updated_at'];
const TOKEN_KEYS = ['client_id', 'created_at', 'created_by', 'expires_at', 'id', 'last_used_at', 'name', 'revoked_at', 'role'];
const AUDIT_KEYS = ['action', 'actor_name', 'actor_token_id', 'actor_user_id', 'at', 'details', 'id', 'ip', 'request_id', 'target_id', 'target_type'];
const CLIENT_KEYS = ['archived', 'campaign_count', 'city', 'country', 'id', 'industry', 'name'];
const CAMPAIGN_KEYS = ['archived', 'caller_id', 'client_id', 'client_name', 'country', 'ends_on', 'goal_kind', 'goal_target', 'id', 'name', 'starts_on', 'state'];

const PERMISSIONS: Record<Role, string[]> = {
  admin: ['users.manage', 'tokens.manage', 'audit.read', 'clients.read', 'clients.manage', 'campaigns.read', 'supervision.view', 'workspace.use', 'portal.view',
    'campaigns.manage', 'contacts.read', 'contacts.manage', 'contacts.block', 'privacy.manage'],
  project_manager: ['clients.read', 'clients.manage', 'campaigns.read', 'supervision.view', 'campaigns.manage', 'contacts.read', 'contacts.manage', 'contacts.block'],
  supervisor: ['clients.read', 'campaigns.read', 'supervision.view', 'workspace.use', 'contacts.read', 'contacts.block'],
  agent: ['campaigns.read', 'workspace.use', 'contacts.read', 'contacts.block'],
  client_manager: ['clients.read', 'campaigns.read', 'portal.view'],
  client_rep: ['portal.view'],
};

const keys = (value: unknown) => Object.keys(value as object).sort();

async function expectError(response: import('@playwright/test').APIResponse, status: number, code: string, field?: string) {
  expect(response.status(), await response.text()).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string; field: string } };
  expect(keys(body)).toEqual(['error']);
  expect(keys(body.error)).toEqual(['code', 'field', 'message']);
  expect(body.error.code).toBe(code);
  if (field !== undefined) expect(body.error.field).toBe(field);
  expect(response.headers()['x-request-id']).toBeTruthy();
}

test.describe('operations endpoints', () => {
  test('healthz, readyz and metrics answer without authentication', async ({ request }) => {
    const health = await request.get('/healthz');
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(health.headers()['x-request-id']).toBeTruthy();
    const ready = await request.get('/readyz');
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    const metrics = await request.get('/metrics');
    expect(metrics.status()).toBe(200);
    expect(metrics.headers()['content-type']).toContain('text/plain');
  });
});

test.describe('the OpenAPI document', () => {
  test('documents exactly the routes the server has', () => {
    const server = serverRoutes().map((r) => `${r.method} ${r.path}`).sort();
    expect(openApiOperations()).toEqual(server);
  });
});

test.describe('session', () => {
  test('wrong credentials and a missing session answer 401 in the error format', async ({ request }) => {
    await expectError(await request.post('/api/session', { data: { email: uniqueEmail('nobody'), password: 'x-wrong-password' } }), 401, 'unauthenticated');
    await expectError(await request.get('/api/me'), 401, 'unauthenticated');
  });

  for (const role of ROLES) {
    test(`${role}: sign-in answer, /api/me and permissions`, async () => {
      const user = demoUser(role);
      const session = await apiSignIn(user.email, user.password);
      try {
        const me = await session.api.get('/api/me');
        expect(me.status()).toBe(200);
        const body = (await me.json()) as { user: Record<string, unknown>; agency: { name: string }; csrf_token: string; permissions: string[] };
        expect(keys(body)).toEqual(['agency', 'csrf_token', 'permissions', 'user']);
        expect(keys(body.user)).toEqual(USER_KEYS);
        expect(body.user.role).toBe(role);
        expect(body.agency.name).toBe(credentials().agency);
        expect(body.csrf_token).toBe(session.csrf);
        expect([...body.permissions].sort()).toEqual([...PERMISSIONS[role]].sort());
        expect(body.user.client_name).toBe(user.client);
      } finally {
        await session.dispose();
      }
    });
  }

  test('state-changing requests need the CSRF header, JSON and only known fields', async () => {
    const user = await createUser('agent');
    const session = await apiSignIn(user.email, user.password);
    try {
      await expectError(await session.api.patch('/api/me', { data: { locale: 'de' } }), 403, 'forbidden', 'X-CSRF-Token');
      const headers = { 'X-CSRF-Token': session.csrf };
      await expectError(await session.api.patch('/api/me', { data: { locale: 'de', shoe_size: 44 }, headers }), 400, 'invalid', 'shoe_size');
      const text = await session.api.patch('/api/me', { data: 'locale=de', headers: { ...headers, 'Content-Type': 'text/plain' } });
      await expectError(text, 415, 'unsupported_media_type');
      const ok = await session.api.patch('/api/me', { data: { locale: 'de' }, headers });
      expect(ok.status()).toBe(200);
      const updated = (await ok.json()) as Record<string, unknown>;
      expect(keys(updated)).toEqual(USER_KEYS);
      expect(updated.locale).toBe('de');
      await expectError(
        await session.api.post('/api/me/password', { data: { current_password: user.password, new_password: 'short' }, headers }),
        400,
        'invalid',
        'new_password',
      );
      expect((await session.api.delete('/api/session', { headers })).status()).toBe(204);
      await expectError(await session.api.get('/api/me'), 401, 'unauthenticated');
    } finally {
      await session.dispose();
    }
  });
});

test.describe('administration endpoints', () => {
  test('users: permission, client binding, generated password, self-protection', async () => {
    const agent = await apiSignInAs('agent');
    await expectError(await agent.api.get('/api/users'), 403, 'forbidden');
    await agent.dispose();

    const admin = await apiSignInAs('admin');
    const headers = { 'X-CSRF-Token': admin.csrf };
    try {
      const list = await admin.api.get('/api/users');
      expect(list.status()).toBe(200);
      const { users } = (await list.json()) as { users: Record<string, unknown>[] };
      expect(users.length).toBeGreaterThanOrEqual(ROLES.length);
      for (const u of users) expect(keys(u)).toEqual(USER_KEYS);

      await expectError(
        await admin.api.post('/api/users', { data: { email: uniqueEmail('cm'), name: 'No Client', role: 'client_manager' }, headers }),
        400,
        'invalid',
        'client_id',
      );
      const clientId = await firstClientId(admin);
      const created = await admin.api.post('/api/users', {
        data: { email: uniqueEmail('cm'), name: 'With Client', role: 'client_manager', client_id: clientId },
        headers,
      });
      expect(created.status(), await created.text()).toBe(201);
      const body = (await created.json()) as { user: { id: number; client_id: number }; initial_password: string | null };
      expect(body.user.client_id).toBe(clientId);
      expect(typeof body.initial_password).toBe('string');
      expect((body.initial_password ?? '').length).toBeGreaterThanOrEqual(10);

      await expectError(await admin.api.patch(`/api/users/${admin.user.id}`, { data: { active: false }, headers }), 409, 'conflict');
      const reset = await admin.api.post(`/api/users/${body.user.id}/password`, { data: {}, headers });
      expect(reset.status()).toBe(200);
      expect(keys(await reset.json())).toEqual(['password']);
    } finally {
      await admin.dispose();
    }
  });

  test('tokens: secret once, bearer access, revoke', async ({ request }) => {
    const admin = await apiSignInAs('admin');
    const headers = { 'X-CSRF-Token': admin.csrf };
    try {
      const created = await admin.api.post('/api/tokens', { data: { name: `api-test ${Date.now()}`, role: 'supervisor', expires_in_days: 1 }, headers });
      expect(created.status(), await created.text()).toBe(201);
      const { token, secret } = (await created.json()) as { token: { id: number }; secret: string };
      expect(keys(token)).toEqual(TOKEN_KEYS);

      const list = await admin.api.get('/api/tokens');
      expect(await list.text()).not.toContain(secret);

      const bearer = { Authorization: `Bearer ${secret}` };
      expect((await request.get('/api/clients', { headers: bearer })).status()).toBe(200);
      await expectError(await request.get('/api/users', { headers: bearer }), 403, 'forbidden');
      expect((await admin.api.delete(`/api/tokens/${token.id}`, { headers })).status()).toBe(204);
      await expectError(await request.get('/api/clients', { headers: bearer }), 401, 'unauthenticated');
    } finally {
      await admin.dispose();
    }
  });

  test('audit log pages newest first with before_id', async () => {
    const admin = await apiSignInAs('admin');
    try {
      const first = await admin.api.get('/api/audit?limit=2');
      expect(first.status()).toBe(200);
      const page1 = (await first.json()) as { entries: { id: number }[]; next_before_id: number | null };
      expect(keys(page1)).toEqual(['entries', 'next_before_id']);
      expect(page1.entries.length).toBeGreaterThan(0);
      for (const e of page1.entries) expect(keys(e)).toEqual(AUDIT_KEYS);
      const ids = page1.entries.map((e) => e.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      if (page1.next_before_id !== null) {
        const second = (await (await admin.api.get(`/api/audit?limit=2&before_id=${page1.next_before_id}`)).json()) as { entries: { id: number }[] };
        for (const e of second.entries) expect(e.id).toBeLessThan(Math.min(...ids));
      }
    } finally {
      await admin.dispose();
    }
  });

  test('clients and campaigns are scoped for client roles', async () => {
    const admin = await apiSignInAs('admin');
    const cm = await apiSignInAs('client_manager');
    try {
      const all = (await (await admin.api.get('/api/clients')).json()) as { clients: Record<string, unknown>[] };
      for (const c of all.clients) expect(keys(c)).toEqual(CLIENT_KEYS);
      const own = (await (await cm.api.get('/api/clients')).json()) as { clients: { name: string }[] };
      expect(own.clients.map((c) => c.name)).toEqual([demoUser('client_manager').client]);
      const campaigns = (await (await cm.api.get('/api/campaigns')).json()) as { campaigns: Record<string, unknown>[] };
      for (const c of campaigns.campaigns) {
        expect(keys(c)).toEqual(CAMPAIGN_KEYS);
        expect(c.client_name).toBe(demoUser('client_manager').client);
      }
      const rep = await apiSignInAs('client_rep');
      await expectError(await rep.api.get('/api/clients'), 403, 'forbidden');
      expect((await rep.api.get('/api/campaigns')).status()).toBe(200);
      await rep.dispose();
    } finally {
      await admin.dispose();
      await cm.dispose();
    }
  });
});
