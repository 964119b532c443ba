import { expect, test, type APIResponse } from '@playwright/test';
import { connect } from 'node:net';
import { apiSignInAs, type ApiSession } from '../support/api';

// A corpus of hostile requests. Each must get a 4xx with the uniform error body naming the field where one is at
// fault: never a 500, never a hang, never a crash (the server still answers afterwards).

interface Case {
  name: string;
  method: string;
  path: string;
  body?: string;
  contentType?: string | null;
  headers?: Record<string, string>;
  status: number;
  code: string;
  field?: string;
}

const JSON_TYPE = 'application/json';

const corpus: Case[] = [
  { name: 'malformed JSON', method: 'POST', path: '/api/users', body: '{"email": "a@b.de",', status: 400, code: 'invalid' },
  { name: 'JSON array instead of object', method: 'POST', path: '/api/users', body: '[]', status: 400, code: 'invalid' },
  { name: 'JSON string instead of object', method: 'POST', path: '/api/clients', body: '"Kunde"', status: 400, code: 'invalid' },
  { name: 'empty body', method: 'POST', path: '/api/clients', body: '', status: 400, code: 'invalid' },
  { name: 'wrong type: number for a name', method: 'POST', path: '/api/clients', body: '{"name": 42}', status: 400, code: 'invalid', field: 'name' },
  { name: 'wrong type: string for a boolean', method: 'PATCH', path: '/api/users/{self}', body: '{"active": "yes"}', status: 400, code: 'invalid', field: 'active' },
  { name: 'wrong type: float for an id', method: 'POST', path: '/api/tokens', body: '{"name":"x","role":"client_manager","client_id":1.5}', status: 400, code: 'invalid', field: 'client_id' },
  { name: 'missing required field', method: 'POST', path: '/api/users', body: '{"name": "Ohne Mail", "role": "agent"}', status: 400, code: 'invalid', field: 'email' },
  { name: 'unknown field', method: 'POST', path: '/api/clients', body: '{"name": "Kunde X", "is_admin": true}', status: 400, code: 'invalid', field: 'is_admin' },
  { name: 'unknown role', method: 'POST', path: '/api/users', body: '{"email":"x@y.de","name":"X","role":"root"}', status: 400, code: 'invalid', field: 'role' },
  { name: 'over-long text', method: 'POST', path: '/api/clients', body: JSON.stringify({ name: 'K'.repeat(5000) }), status: 400, code: 'invalid', field: 'name' },
  { name: 'NUL in a text', method: 'POST', path: '/api/clients', body: '{"name": "Kun\\u0000de"}', status: 400, code: 'invalid', field: 'name' },
  { name: 'huge integer', method: 'POST', path: '/api/tokens', body: '{"name":"x","role":"agent","expires_in_days":1e400}', status: 400, code: 'invalid' },
  { name: 'deep nesting', method: 'POST', path: '/api/clients', body: '['.repeat(5000) + ']'.repeat(5000), status: 400, code: 'invalid' },
  { name: 'wrong content type', method: 'POST', path: '/api/clients', body: 'name=Kunde', contentType: 'application/x-www-form-urlencoded', status: 415, code: 'unsupported_media_type' },
  { name: 'no content type', method: 'POST', path: '/api/clients', body: '{"name":"Kunde"}', contentType: null, status: 415, code: 'unsupported_media_type' },
  { name: 'oversized body', method: 'POST', path: '/api/clients', body: JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) }), status: 413, code: 'payload_too_large' },
  { name: 'unknown API route', method: 'GET', path: '/api/does-not-exist', status: 404, code: 'not_found' },
  { name: 'unknown nested API route', method: 'POST', path: '/api/users/1/explode', body: '{}', status: 404, code: 'not_found' },
  { name: 'method not allowed', method: 'PUT', path: '/api/clients', body: '{}', status: 405, code: 'method_not_allowed' },
  { name: 'id not a number', method: 'GET', path: '/api/users/abc', status: 400, code: 'invalid', field: 'id' },
  { name: 'id zero', method: 'GET', path: '/api/clients/0', status: 400, code: 'invalid', field: 'id' },
  { name: 'id negative', method: 'GET', path: '/api/campaigns/-5', status: 400, code: 'invalid', field: 'id' },
  { name: 'id overflowing 64 bits', method: 'GET', path: '/api/users/99999999999999999999999', status: 400, code: 'invalid', field: 'id' },
  { name: 'id that does not exist', method: 'GET', path: '/api/users/987654321', status: 404, code: 'not_found' },
  { name: 'SQL in an id', method: 'GET', path: "/api/users/1%20OR%201=1", status: 400, code: 'invalid', field: 'id' },
  { name: 'bad query parameter', method: 'GET', path: '/api/audit?limit=lots', status: 400, code: 'invalid', field: 'limit' },
  { name: 'query parameter out of range', method: 'GET', path: '/api/audit?limit=100000', status: 400, code: 'invalid', field: 'limit' },
  { name: 'invalid percent-encoding', method: 'GET', path: '/api/users/%zz', status: 400, code: 'invalid' },
  { name: 'CSRF token missing', method: 'POST', path: '/api/clients', body: '{"name":"Ohne Token"}', headers: { 'X-CSRF-Token': '' }, status: 403, code: 'forbidden', field: 'X-CSRF-Token' },
  { name: 'CSRF token wrong', method: 'POST', path: '/api/clients', body: '{"name":"Falsches Token"}', headers: { 'X-CSRF-Token': 'forged' }, status: 403, code: 'forbidden', field: 'X-CSRF-Token' },
  { name: 'cross-site origin', method: 'POST', path: '/api/clients', body: '{"name":"Fremde Seite"}', headers: { Origin: 'https://evil.example' }, status: 403, code: 'forbidden' },
  { name: 'garbage bearer token', method: 'GET', path: '/api/agency', headers: { Authorization: 'Bearer ' + 'A'.repeat(5000) }, status: 401, code: 'unauthenticated' },
  { name: 'wrong auth scheme', method: 'GET', path: '/api/agency', headers: { Authorization: 'Basic YWRtaW46YWRtaW4=' }, status: 401, code: 'unauthenticated' },
];

async function expectErrorBody(response: APIResponse, c: Case) {
  const text = await response.text();
  expect(response.status(), `${c.name}: ${text.slice(0, 300)}`).toBe(c.status);
  const body = JSON.parse(text) as { error: { code: string; message: string; field: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code, c.name).toBe(c.code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(typeof body.error.field).toBe('string');
  if (c.field !== undefined) expect(body.error.field, c.name).toBe(c.field);
  expect(response.headers()['content-type']).toContain('application/json');
}

test.describe('hostile requests', () => {
  let admin: ApiSession;
  let selfId: number;
  test.beforeAll(async () => {
    admin = await apiSignInAs('admin');
    selfId = admin.user.id;
  });
  test.afterAll(async () => admin?.dispose());

  for (const c of corpus) {
    test(`${c.name} → ${c.status}`, async () => {
      const headers: Record<string, string> = { 'X-CSRF-Token': admin.csrf, ...(c.headers ?? {}) };
      if (c.contentType !== null && c.body !== undefined) headers['Content-Type'] = c.contentType ?? JSON_TYPE;
      if (headers['X-CSRF-Token'] === '') delete headers['X-CSRF-Token'];
      const response = await admin.api.fetch(c.path.replace('{self}', String(selfId)), {
        method: c.method,
        headers,
        ...(c.body !== undefined ? { data: Buffer.from(c.body) } : {}),
      });
      await expectErrorBody(response, c);
    });
  }

  test('nothing was created by the hostile requests', async () => {
    const clients = (await (await admin.api.get('/api/clients')).json()) as { clients: { name: string }[] };
    for (const name of ['Ohne Token', 'Falsches Token', 'Fremde Seite', 'Kunde X']) {
      expect(clients.clients.map((c) => c.name)).not.toContain(name);
    }
  });
});

/** Sends raw bytes on a fresh TCP connection and returns what the server answered before closing. */
function raw(bytes: string | Buffer, waitMs = 3000): Promise<string> {
  const url = new URL(process.env.TERMINTREU_URL!);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    let received = '';
    const done = () => {
      socket.destroy();
      resolve(received);
    };
    socket.setTimeout(waitMs, done);
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('end', done);
    socket.on('error', done);
    socket.on('connect', () => socket.write(bytes));
  });
}

test.describe('hostile bytes on the wire', () => {
  // Each answer is either a 4xx status line or nothing at all (the connection closed).
  const wire: [string, string | Buffer, RegExp][] = [
    ['not HTTP at all', '\x00\x01\x02 hello\r\n\r\n', /^(HTTP\/1\.1 4\d\d |$)/],
    ['bad request line', 'GET\r\n\r\n', /^(HTTP\/1\.1 4\d\d |$)/],
    ['header too large', `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`, /^(HTTP\/1\.1 4\d\d |$)/],
    ['bad chunked encoding', 'POST /api/session HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n', /^(HTTP\/1\.1 4\d\d |$)/],
    ['declared body larger than the limit', 'POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n{', /^(HTTP\/1\.1 413 |$)/],
    ['path traversal for static files', 'GET /../../../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', /^HTTP\/1\.1 (4\d\d|200)/],
  ];
  for (const [name, bytes, expected] of wire) {
    test(name, async ({ request }) => {
      const answer = await raw(bytes);
      expect(answer, name).toMatch(expected);
      expect(answer).not.toMatch(/^HTTP\/1\.1 5\d\d/);
      expect(answer).not.toContain('root:x:0:0');
      const health = await request.get('/healthz');
      expect(health.status(), 'the server still answers').toBe(200);
    });
  }

  test('a slow client that never finishes its headers is cut off, others are served meanwhile', async ({ request }) => {
    const slow = raw('GET /healthz HTTP/1.1\r\nHost: x\r\n', 1500);
    const health = await request.get('/healthz');
    expect(health.status()).toBe(200);
    await slow;
  });
});
