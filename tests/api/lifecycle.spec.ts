import { expect, test } from '@playwright/test';
import { freshDataDir, startServer } from '../support/server';

// Process-level guarantees, each on a server of its own: SIGTERM lets in-flight requests finish, and whatever was
// committed survives kill -9.

function demoAdmin(output: string): { email: string; password: string } {
  const line = output.split('\n').find((l) => /^\s+admin\s/.test(l));
  if (!line) throw new Error(`no admin in the demo output:\n${output}`);
  const [, email, password] = line.trim().split(/\s+/);
  if (!email || !password) throw new Error(`the demo output's admin line lacks an e-mail or a password: ${line}`);
  return { email, password };
}

async function signIn(url: string, user: { email: string; password: string }) {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(user),
  });
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrf_token } = (await response.json()) as { csrf_token: string };
  return { cookie, csrf: csrf_token };
}

test.describe('process lifecycle', () => {
  test.setTimeout(180_000);

  test('SIGTERM under load: every in-flight request completes, then the process exits cleanly', async () => {
    const server = await startServer(freshDataDir());
    const admin = demoAdmin(server.output());
    // Sign-ins hash with Argon2id (~0.1 s each), so many are in flight at the moment the signal arrives.
    const inFlight: Promise<number>[] = [];
    for (let i = 0; i < 24; i++) {
      inFlight.push(
        fetch(`${server.url}/api/session`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(admin),
        }).then((r) => r.status),
      );
    }
    await new Promise((r) => setTimeout(r, 150));
    server.process.kill('SIGTERM');
    const statuses = await Promise.all(inFlight);
    expect(statuses.every((s) => s === 200), `statuses: ${statuses.join(',')}`).toBe(true);
    expect(await server.exited).toBe(0);
    expect(server.output()).not.toMatch(/AddressSanitizer|runtime error:/);
  });

  test('kill -9 and restart: nothing committed is lost', async () => {
    const data = freshDataDir();
    const first = await startServer(data);
    const admin = demoAdmin(first.output());
    const session = await signIn(first.url, admin);
    const created: string[] = [];
    for (let i = 0; i < 20; i++) {
      const email = `dauerhaft-${i}-${Date.now()}@example.com`;
      const response = await fetch(`${first.url}/api/users`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: session.cookie, 'X-CSRF-Token': session.csrf },
        body: JSON.stringify({ email, name: `Dauerhaft ${i}`, role: 'agent', password: 'Dauerhaft-12345' }),
      });
      expect(response.status).toBe(201);
      created.push(email);
    }
    first.process.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    const second = await startServer(data);
    try {
      expect(second.output(), 'no second demo load into a database that has data').not.toContain('Demo data loaded');
      const again = await signIn(second.url, admin);
      const list = await fetch(`${second.url}/api/users`, { headers: { Cookie: again.cookie } });
      const { users } = (await list.json()) as { users: { email: string }[] };
      const emails = users.map((u) => u.email);
      for (const email of created) expect(emails).toContain(email);
      // The sessions committed before the crash are still valid too.
      const me = await fetch(`${second.url}/api/me`, { headers: { Cookie: session.cookie } });
      expect(me.status).toBe(200);
    } finally {
      second.process.kill('SIGTERM');
      await second.exited;
    }
  });
});
