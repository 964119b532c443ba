import { expect, request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { demoUser, uniqueEmail, type Role } from './credentials';

export interface ApiSession {
  /** A request context holding the session cookie. */
  api: APIRequestContext;
  /** Send as X-CSRF-Token on POST/PUT/PATCH/DELETE. */
  csrf: string;
  user: { id: number; name: string; email: string; role: Role; locale: string };
  dispose: () => Promise<void>;
}

function baseURL(): string {
  const url = process.env.TERMINTREU_URL;
  if (!url) throw new Error('TERMINTREU_URL is not set');
  return url;
}

/** Signs in through the API (POST /api/session) and returns a cookie-holding context and the CSRF token. */
export async function apiSignIn(email: string, password: string): Promise<ApiSession> {
  return signInAt(baseURL(), email, password);
}

/** apiSignIn against the server at `url` (a server a test started of its own). */
export async function signInAt(url: string, email: string, password: string): Promise<ApiSession> {
  const api = await playwrightRequest.newContext({ baseURL: url });
  const response = await api.post('/api/session', { data: { email, password } });
  expect(response.status(), `sign-in of ${email}: ${await response.text()}`).toBe(200);
  const body = (await response.json()) as { csrf_token: string; user: ApiSession['user'] };
  return { api, csrf: body.csrf_token, user: body.user, dispose: () => api.dispose() };
}

export async function apiSignInAs(role: Role): Promise<ApiSession> {
  const user = demoUser(role);
  return apiSignIn(user.email, user.password);
}

export interface CreatedUser {
  id: number;
  email: string;
  name: string;
  password: string;
  role: Role;
}

/** Creates a fresh user through the API as the demo admin, so tests never change the demo users. */
export async function createUser(
  role: Role,
  options: { name?: string; password?: string; clientId?: number } = {},
): Promise<CreatedUser> {
  const admin = await apiSignInAs('admin');
  try {
    return await createUserAs(admin, role, options);
  } finally {
    await admin.dispose();
  }
}

/** createUser with an admin session the caller holds (of the demo server or of a server of the test's own). */
export async function createUserAs(
  admin: ApiSession,
  role: Role,
  options: { name?: string; password?: string; clientId?: number } = {},
): Promise<CreatedUser> {
  const email = uniqueEmail(role.replace('_', '-'));
  const name = options.name ?? `Test ${role} ${email.slice(-18, -12)}`;
  const password = options.password ?? `Start-${Math.random().toString(36).slice(2, 12)}!`;
  const data: Record<string, unknown> = { email, name, role, password };
  if (role === 'client_manager' || role === 'client_rep') data.client_id = options.clientId ?? (await firstClientId(admin));
  const response = await admin.api.post('/api/users', { data, headers: { 'X-CSRF-Token': admin.csrf } });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { user: { id: number } };
  return { id: body.user.id, email, name, password, role };
}

export async function firstClientId(session: ApiSession): Promise<number> {
  const response = await session.api.get('/api/clients');
  expect(response.status()).toBe(200);
  const { clients } = (await response.json()) as { clients: { id: number; archived: boolean }[] };
  const client = clients.find((c) => !c.archived);
  if (!client) throw new Error('the demo data has no client');
  return client.id;
}

/**
 * Creates a client of the test's own through the API as the demo admin (a unique name from `prefix`), so that
 * counts and lists a test checks do not depend on what other tests did with the demo clients.
 */
export async function createClient(prefix: string): Promise<{ id: number; name: string }> {
  const admin = await apiSignInAs('admin');
  try {
    return await createClientAs(admin, prefix);
  } finally {
    await admin.dispose();
  }
}

/** createClient with a session the caller holds (permission clients.manage). */
export async function createClientAs(session: ApiSession, prefix: string): Promise<{ id: number; name: string }> {
  const name = `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const response = await session.api.post('/api/clients', { data: { name }, headers: { 'X-CSRF-Token': session.csrf } });
  expect(response.status(), await response.text()).toBe(201);
  return { id: ((await response.json()) as { id: number }).id, name };
}
