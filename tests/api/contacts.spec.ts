import { expect, test, type APIResponse } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { apiSignIn, apiSignInAs, type ApiSession } from '../support/api';
import { itemAt, present } from '../support/present';

// Contacts, the block list, consent records and privacy requests through the API, as the issue describes them.
// Numbers come from the Bundesnetzagentur's block for fiction (030 23125 xxx); each test uses its own.

interface Contact {
  id: number;
  client_id: number;
  last_name: string;
  email: string;
  blocked: boolean;
  time_zone: string;
  erased_at: string | null;
  phones: { e164: string; type: string; region: string; kind: string }[];
  leads: { id: number; campaign_id: number; state: string }[];
  consents: { id: number; hash: string; prev_hash: string }[];
  history: unknown[];
}

const run = Date.now().toString(36);
let numberSeed = 800 + (Date.now() % 150);
/** A fresh fictional Berlin number as "030 23125 9xx" parts. */
function fictionalNumber(): { national: string; e164: string } {
  const suffix = String(numberSeed++);
  return { national: `030 23125 ${suffix}`, e164: `+493023125${suffix}` };
}

async function expectError(response: APIResponse, status: number, code: string, field?: string) {
  expect(response.status(), await response.text()).toBe(status);
  const body = (await response.json()) as { error: { code: string; field: string; message: string } };
  expect(body.error.code).toBe(code);
  if (field !== undefined) expect(body.error.field).toBe(field);
  return body.error;
}

test.describe('contacts', () => {
  let admin: ApiSession;
  let clientA: { id: number; name: string };
  let clientB: { id: number; name: string };
  let campaigns: { id: number; client_id: number; state: string }[];

  const post = (path: string, data: unknown) => admin.api.post(path, { data, headers: { 'X-CSRF-Token': admin.csrf } });
  const create = async (data: Record<string, unknown>) => {
    const response = await post('/api/contacts', data);
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as Contact;
  };
  const get = async (id: number) => (await (await admin.api.get(`/api/contacts/${id}`)).json()) as Contact;
  const search = async (q: string, clientId?: number) => {
    const params = new URLSearchParams({ q });
    if (clientId) params.set('client_id', String(clientId));
    const response = await admin.api.get(`/api/contacts?${params}`);
    expect(response.status(), await response.text()).toBe(200);
    return ((await response.json()) as { contacts: { id: number }[] }).contacts.map((c) => c.id);
  };

  test.beforeAll(async () => {
    admin = await apiSignInAs('admin');
    const { clients } = (await (await admin.api.get('/api/clients')).json()) as { clients: { id: number; name: string }[] };
    campaigns = ((await (await admin.api.get('/api/campaigns')).json()) as { campaigns: { id: number; client_id: number; state: string }[] }).campaigns;
    // The demo's clients come first by id, whatever clients other tests have added by then.
    const byId = [...clients].sort((x, y) => x.id - y.id);
    clientA = itemAt(byId, 0, 'demo clients');
    clientB = itemAt(byId, 1, 'demo clients');
  });

  test.afterAll(async () => {
    await admin?.dispose();
  });

  test('the demo data has contacts with leads in the active campaigns', async () => {
    expect((await search('')).length).toBeGreaterThanOrEqual(20);
    const active = campaigns.filter((c) => c.state === 'active');
    expect(active.length).toBeGreaterThan(0);
    for (const campaign of active) {
      const response = await admin.api.get(`/api/campaigns/${campaign.id}/leads?limit=5`);
      expect(response.status()).toBe(200);
      const { leads } = (await response.json()) as { leads: { person: { id: number } }[] };
      expect(leads.length).toBe(5);
    }
  });

  test('a phone typed in any spelling finds the contact; E.164, type, region and time zone are kept', async () => {
    const number = fictionalNumber();
    const contact = await create({
      client_id: clientA.id,
      first_name: 'Greta',
      last_name: `Suchtest ${run}`,
      email: `greta.${run}@suche.example`,
      phones: [number.national],
      company: { name: `Suchfirma ${run} GmbH`, city: 'Berlin', country: 'DE' },
      legal_basis: 'presumed_b2b',
      legal_basis_reason: 'Geschäftsführerin; das Angebot betrifft ihr Unternehmen',
    });
    expect(contact.phones).toEqual([expect.objectContaining({ e164: number.e164, type: 'fixed', region: 'DE', kind: 'phone' })]);
    expect(contact.time_zone).toBe('Europe/Berlin');
    expect(contact.history).toEqual([]);
    const suffix = number.e164.slice(-3);
    for (const spelling of [number.national, `+49 (0)30 / 23125-${suffix}`, `0049 30 23125${suffix}`, `(030) 2312 5${suffix}`, `tel:${number.e164}`]) {
      expect(await search(spelling), spelling).toEqual([contact.id]);
    }
    expect(await search(`Suchtest ${run}`)).toEqual([contact.id]);
    expect(await search(`suchfirma ${run}`)).toEqual([contact.id]);
    expect(await search(`greta.${run}@suche.example`)).toEqual([contact.id]);
    expect(await search(number.national, clientB.id)).toEqual([]);
  });

  test('bad input is refused with the field name', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ last_name: 'X' }, 'client_id'],
      [{ client_id: clientA.id, last_name: 'X', legal_basis: 'presumed_b2b' }, 'legal_basis_reason'],
      [{ client_id: clientA.id, last_name: 'X', legal_basis: 'consent' }, 'legal_basis'],
      [{ client_id: clientA.id, last_name: 'X', phones: ['12'] }, 'phones[0].number'],
      [{ client_id: clientA.id, last_name: 'X', phones: [{ number: '030 1234567', kind: 'fax' }] }, 'phones[0].kind'],
      [{ client_id: clientA.id, last_name: 'X', email: 'kein-at' }, 'email'],
      [{ client_id: clientA.id, last_name: 'X', company: { city: 'Köln' } }, 'company.name'],
      [{ client_id: clientA.id, last_name: 'X', time_zone: 'Mars/Olympus' }, 'time_zone'],
      [{ client_id: clientA.id, last_name: 'X', shoe_size: 44 }, 'shoe_size'],
      [{ client_id: clientA.id, function: 'Einkauf' }, 'last_name'],
    ];
    for (const [data, field] of cases) await expectError(await post('/api/contacts', data), 400, 'invalid', field);
    await expectError(await post('/api/block-list', { reason: 'x' }), 400, 'invalid', 'person_id');
    await expectError(await post('/api/block-list', { phone: '030 1', reason: 'x' }), 400, 'invalid', 'phone');
    await expectError(await post('/api/privacy-requests', { kind: 'access' }), 400, 'invalid', 'subject');
    await expectError(await post('/api/privacy-requests', { kind: 'forget', subject: 'X' }), 400, 'invalid', 'kind');
    await expectError(await admin.api.get('/api/contacts?limit=0'), 400, 'invalid', 'limit');
  });

  test('a block is honoured across clients and refuses new entries', async () => {
    const number = fictionalNumber();
    const email = `objektion.${run}@sperre.example`;
    const first = await create({ client_id: clientA.id, last_name: `Sperre ${run}`, email, phones: [number.national] });
    const otherCampaign = present(campaigns.find((c) => c.client_id === clientB.id), 'a campaign of the second client');
    const other = await create({
      client_id: clientB.id,
      campaign_id: otherCampaign.id,
      last_name: `Andere ${run}`,
      phones: [`+49 30 23125 ${number.e164.slice(-3)}`],
    });
    expect(itemAt(other.leads, 0, 'other leads').state).toBe('new');

    const blocked = await post(`/api/contacts/${first.id}/block`, { reason: 'Widerspruch am Telefon' });
    expect(blocked.status(), await blocked.text()).toBe(200);
    expect(((await blocked.json()) as { persons_blocked: number[] }).persons_blocked.sort()).toEqual([first.id, other.id].sort());
    const otherNow = await get(other.id);
    expect(otherNow.blocked).toBe(true);
    expect(itemAt(otherNow.leads, 0, 'otherNow leads').state).toBe('blocked');

    const refused = await expectError(
      await post('/api/contacts', { client_id: clientB.id, last_name: 'Neu', email: email.toUpperCase() }),
      409,
      'conflict',
      'email',
    );
    expect(refused.message).toMatch(/^blocked/);
    expect(refused.message).not.toContain(email);
    await expectError(
      await post('/api/contacts', { client_id: clientA.id, last_name: 'Neu', phones: [number.e164] }),
      409,
      'conflict',
      'phones[0].number',
    );
    await expectError(await post(`/api/campaigns/${otherCampaign.id}/leads`, { person_id: other.id }), 409, 'conflict', 'person_id');

    const list = (await (await admin.api.get('/api/block-list')).json()) as { entries: { kind: string; value_hash: string; reason: string }[] };
    expect(list.entries.length).toBeGreaterThanOrEqual(2);
    for (const entry of list.entries) expect(entry.value_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(list)).not.toContain(email);
    expect(JSON.stringify(list)).not.toContain(number.e164);
  });

  test('an agent blocks an e-mail address by API', async () => {
    const agent = await apiSignInAs('agent');
    try {
      const email = `agent.${run}@sperre.example`;
      const contact = await create({ client_id: clientA.id, last_name: `Agentensperre ${run}`, email });
      const response = await agent.api.post('/api/block-list', {
        data: { email, reason: 'Bitte nicht mehr anrufen' },
        headers: { 'X-CSRF-Token': agent.csrf },
      });
      expect(response.status(), await response.text()).toBe(201);
      expect((await get(contact.id)).blocked).toBe(true);
    } finally {
      await agent.dispose();
    }
  });

  test('consent records chain and verify; a consent makes the legal basis', async () => {
    const contact = await create({ client_id: clientA.id, last_name: `Einwilligung ${run}` });
    const body = {
      kind: 'consent',
      given_by: 'Herr Einwilligung, Geschäftsführer',
      beneficiary: clientA.name,
      purpose: 'Telefonische Terminvereinbarung zu Wartungsverträgen',
      given_at: '2026-01-05T09:00:00Z',
      channel: 'phone',
      evidence: 'Gesprächsnotiz',
    };
    const first = await post(`/api/contacts/${contact.id}/consents`, body);
    expect(first.status(), await first.text()).toBe(201);
    const second = await post(`/api/contacts/${contact.id}/consents`, { ...body, kind: 'withdrawal' });
    expect(second.status()).toBe(201);
    const [a, b] = [(await first.json()) as { hash: string }, (await second.json()) as { prev_hash: string; hash: string }];
    expect(b.prev_hash).toBe(a.hash);
    expect((await get(contact.id)).consents.length).toBe(2);
    await expectError(await post(`/api/contacts/${contact.id}/consents`, { ...body, given_at: 'gestern' }), 400, 'invalid', 'given_at');

    const verify = (await (await admin.api.get('/api/consents/verify')).json()) as { ok: boolean; head: string; checked: number };
    expect(verify.ok).toBe(true);
    expect(verify.head).toBe(b.hash);
    const exported = (await (await admin.api.get('/api/consents/export')).json()) as { records: { hash: string; canonical: string }[] };
    expect(exported.records.at(-1)?.hash).toBe(b.hash);
    expect(exported.records.at(-1)?.canonical).toContain('"withdrawal"');
  });

  test('privacy requests carry a one-month deadline; export and erase a person', async () => {
    const number = fictionalNumber();
    const contact = await create({
      client_id: clientA.id,
      first_name: 'Erika',
      last_name: `Löschung <b>${run}</b>`,
      email: `erika.${run}@loeschung.example`,
      phones: [number.national],
    });
    const created = await post('/api/privacy-requests', { kind: 'erasure', subject: 'Erika', person_id: contact.id, received_at: '2026-01-31T10:00:00Z' });
    expect(created.status(), await created.text()).toBe(201);
    const request = (await created.json()) as { id: number; due_at: string; overdue: boolean; state: string };
    expect(request.due_at).toBe('2026-02-28T22:59:59Z');
    expect(request.overdue).toBe(true);
    const list = (await (await admin.api.get('/api/privacy-requests')).json()) as { requests: { id: number; state: string }[] };
    expect(list.requests.some((r) => r.id === request.id)).toBe(true);

    const json = await admin.api.get(`/api/contacts/${contact.id}/export?format=json`);
    expect(json.status()).toBe(200);
    const data = (await json.json()) as { person: { email: string }; phones: unknown[]; privacy_requests: unknown[]; audit_entries: unknown[] };
    expect(data.person.email).toBe(`erika.${run}@loeschung.example`);
    expect(data.phones.length).toBe(1);
    expect(data.privacy_requests.length).toBe(1);
    expect(data.audit_entries.length).toBeGreaterThan(0);
    const html = await admin.api.get(`/api/contacts/${contact.id}/export?format=html`);
    expect(html.headers()['content-type']).toContain('text/html');
    const page = await html.text();
    expect(page).toContain(`Löschung &lt;b&gt;${run}&lt;/b&gt;`);
    expect(page).not.toContain('<b>');

    const erased = await post(`/api/contacts/${contact.id}/erase`, {});
    expect(erased.status(), await erased.text()).toBe(204);
    const after = await get(contact.id);
    expect(after.erased_at).not.toBeNull();
    expect(after.last_name).toBe('');
    expect(after.phones).toEqual([]);
    expect(await search(number.national)).toEqual([]);
    expect(await search(`erika.${run}@loeschung.example`)).toEqual([]);
    const closed = (await (await admin.api.get('/api/privacy-requests')).json()) as { requests: { id: number; state: string }[] };
    expect(closed.requests.find((r) => r.id === request.id)?.state).toBe('done');
    await expectError(await post('/api/contacts', { client_id: clientA.id, last_name: 'Wieder', phones: [number.e164] }), 409, 'conflict');
  });

  test('only admins handle privacy requests; agents may not create contacts', async () => {
    const agent = await apiSignInAs('agent');
    try {
      expect((await agent.api.get('/api/privacy-requests')).status()).toBe(403);
      expect((await agent.api.get('/api/contacts')).status()).toBe(200);
      const response = await agent.api.post('/api/contacts', {
        data: { client_id: clientA.id, last_name: 'X' },
        headers: { 'X-CSRF-Token': agent.csrf },
      });
      expect(response.status()).toBe(403);
    } finally {
      await agent.dispose();
    }
    const other = JSON.parse(readFileSync(process.env.TERMINTREU_OTHER_AGENCY ?? '', 'utf8')) as { email: string; password: string };
    const adminB = await apiSignIn(other.email, other.password);
    try {
      expect(((await (await adminB.api.get('/api/contacts')).json()) as { contacts: unknown[] }).contacts).toEqual([]);
    } finally {
      await adminB.dispose();
    }
  });
});
