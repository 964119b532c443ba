import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiSignInAs, type ApiSession } from '../support/api';

// CSV imports through the API with fixture files in the encodings and dialects clients send: counts, duplicates
// (skipped and merged), rejects with their lines, the rejects report (formula-neutralised) and the saved mapping.

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'import');

interface Job {
  id: number;
  state: string;
  rows_total: number;
  rows_done: number;
  imported: number;
  merged: number;
  skipped_duplicates: number;
  skipped_blocked: number;
  rejected: number;
  error: string;
}

interface Preview {
  encoding: string;
  delimiter: string;
  headers: string[];
  mapping: string[];
  rows: string[][];
  error: { message: string; field: string } | null;
}

let admin: ApiSession;

test.beforeAll(async () => {
  admin = await apiSignInAs('admin');
});
test.afterAll(async () => {
  await admin?.dispose();
});

async function newClient(name: string): Promise<number> {
  const response = await admin.api.post('/api/clients', {
    data: { name: `${name} ${Date.now()}-${Math.random().toString(36).slice(2, 6)}` },
    headers: { 'X-CSRF-Token': admin.csrf },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: number }).id;
}

async function newCampaign(clientId: number): Promise<number> {
  const response = await admin.api.post('/api/campaigns', {
    data: { client_id: clientId, name: `Importtest ${Date.now()}` },
    headers: { 'X-CSRF-Token': admin.csrf },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: number }).id;
}

async function upload(clientId: number, file: string): Promise<Job> {
  const response = await admin.api.post(`/api/clients/${clientId}/imports?name=${encodeURIComponent(file)}`, {
    data: readFileSync(path.join(fixtures, file)),
    headers: { 'X-CSRF-Token': admin.csrf, 'Content-Type': 'text/csv' },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Job;
}

async function preview(id: number, query = ''): Promise<Preview> {
  const response = await admin.api.get(`/api/imports/${id}/preview${query}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as Preview;
}

async function run(id: number, body: Record<string, unknown> = {}): Promise<Job> {
  const response = await admin.api.post(`/api/imports/${id}/run`, { data: body, headers: { 'X-CSRF-Token': admin.csrf } });
  expect(response.status(), await response.text()).toBe(202);
  let job: Job = (await response.json()) as Job;
  await expect
    .poll(async () => {
      job = (await (await admin.api.get(`/api/imports/${id}`)).json()) as Job;
      return job.state;
    }, { timeout: 150_000, message: `import ${id} did not finish` })
    .toMatch(/done|failed/);
  expect(job.error).toBe('');
  return job;
}

async function rejects(id: number): Promise<string[][]> {
  const response = await admin.api.get(`/api/imports/${id}/rejects.csv`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/csv');
  return parseCsv((await response.text()).replace(/^\uFEFF/, ''));
}

/** RFC 4180 with ';': enough to read the report back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

test('UTF-8 with BOM and semicolons: mapping from German headers, a duplicate within the file', async () => {
  const client = await newClient('Import UTF-8');
  const campaign = await newCampaign(client);
  const job = await upload(client, 'utf8-bom-semicolon.csv');
  const seen = await preview(job.id);
  expect(seen.encoding).toBe('UTF-8');
  expect(seen.delimiter).toBe('semicolon');
  expect(seen.headers[0]).toBe('Firma');
  expect(seen.mapping).toEqual([
    'company_name', 'salutation', 'title', 'first_name', 'last_name', 'function', 'street', 'postal_code', 'city',
    'phone', 'email',
  ]);
  expect(seen.rows[0]?.[3]).toBe('Jürgen');
  const done = await run(job.id, { campaign_id: campaign });
  expect(done.state).toBe('done');
  expect(done.rows_done).toBe(4);
  expect(done.imported).toBe(3);
  expect(done.skipped_duplicates).toBe(1);
  const report = await rejects(job.id);
  expect(report[0]).toEqual(['line', 'reason', 'field', 'message', 'row']);
  expect(report[1]?.slice(0, 3)).toEqual(['5', 'duplicate', 'phone']);

  const history = (await (await admin.api.get(`/api/clients/${client}/imports`)).json()) as { imports: Job[] };
  expect(history.imports.map((i) => i.id)).toContain(job.id);
});

test('Windows-1252 and ISO-8859-15 files keep their umlauts and the euro sign; duplicates merge', async () => {
  const client = await newClient('Import Latin');
  const first = await upload(client, 'windows-1252-semicolon.csv');
  const seen = await preview(first.id);
  expect(seen.encoding).toBe('WINDOWS-1252');
  expect(seen.rows[1]?.[4]).toBe('Weiß');
  expect(seen.rows[2]?.[0]).toBe('Lenz KG – Werkzeugbau');
  expect((await run(first.id)).imported).toBe(3);

  // The same people again, UTF-8 this time: merged into the stored ones, nothing new.
  const again = await upload(client, 'utf8-bom-semicolon.csv');
  const merged = await run(again.id, { duplicates: 'merge' });
  expect(merged.imported).toBe(0);
  expect(merged.merged).toBe(4);

  // ISO-8859-15 cannot be told from Windows-1252 by its bytes: the preview's correction decides.
  const euro = await upload(client, 'iso-8859-15-euro.csv');
  const corrected = await preview(euro.id, '?encoding=ISO-8859-15');
  expect(corrected.encoding).toBe('ISO-8859-15');
  expect(corrected.rows[0]?.[0]).toBe('€uro Büroservice GmbH');
  expect((await run(euro.id, { encoding: 'ISO-8859-15' })).imported).toBe(1);
});

test('comma-separated with quoted delimiters, quotes and line breaks; a tab-separated file', async () => {
  const client = await newClient('Import Dialects');
  const job = await upload(client, 'comma-multiline.csv');
  const seen = await preview(job.id);
  expect(seen.delimiter).toBe('comma');
  expect(seen.mapping).toEqual(['company_name', 'first_name', 'last_name', 'function', 'phone', 'email', 'notes']);
  expect(seen.rows[0]?.[0]).toBe('Acme, Inc.');
  expect(seen.rows[0]?.[6]).toBe('Prefers calls\r\nafter 2 pm, "sharp"');
  expect(seen.rows[2]?.[3]).toBe('Team Lead,\nBackend');
  const done = await run(job.id);
  expect(done.imported).toBe(4);
  expect(done.rejected).toBe(0);

  const tsv = await upload(client, 'tab-separated.tsv');
  expect((await preview(tsv.id)).delimiter).toBe('tab');
  expect((await run(tsv.id)).imported).toBe(3);
});

test('bad rows are reported with their lines and reasons, formulas neutralised in the report', async () => {
  const client = await newClient('Import Bad');
  const job = await upload(client, 'bad-rows.csv');
  const done = await run(job.id);
  expect(done.rows_done).toBe(8);
  expect(done.imported).toBe(2);
  expect(done.rejected).toBe(5);
  expect(done.skipped_duplicates).toBe(1);
  const report = await rejects(job.id);
  const byLine = new Map(report.slice(1).map((row) => [row[0], row]));
  expect([...byLine.keys()]).toEqual(['3', '4', '5', '6', '7', '8']);
  expect(byLine.get('3')?.[2]).toBe('phone');
  expect(byLine.get('4')?.[2]).toBe('last_name');
  expect(byLine.get('5')?.[2]).toBe('email');
  expect(byLine.get('7')?.[2]).toBe('phone');
  expect(byLine.get('8')?.slice(1, 3)).toEqual(['duplicate', 'email']);

  // A row beginning with a formula is shown as text, never as something a spreadsheet would run.
  expect(byLine.get('3')?.[4]).toBe("'=1+2;Max;Muster;12345;");
});

test('a run is refused twice, with a bad mapping, and for another client’s campaign', async () => {
  const client = await newClient('Import Refusals');
  const other = await newCampaign(await newClient('Import Other'));
  const job = await upload(client, 'tab-separated.tsv');
  const post = (body: Record<string, unknown>) =>
    admin.api.post(`/api/imports/${job.id}/run`, { data: body, headers: { 'X-CSRF-Token': admin.csrf } });
  expect((await post({ mapping: ['phone', 'phone'] })).status()).toBe(400);
  expect((await post({ mapping: ['nonsense'] })).status()).toBe(400);
  expect((await post({ duplicates: 'maybe' })).status()).toBe(400);
  expect((await post({ unknown: 1 })).status()).toBe(400);
  const foreign = await post({ campaign_id: other });
  expect(foreign.status()).toBe(400);
  expect(((await foreign.json()) as { error: { field: string } }).error.field).toBe('campaign_id');
  await run(job.id);
  expect((await post({})).status()).toBe(409);
});

test('the mapping chosen for a client is preferred next time', async () => {
  const client = await newClient('Import Mapping');
  const first = await upload(client, 'utf8-bom-semicolon.csv');
  const mapping = (await preview(first.id)).mapping;
  mapping[5] = 'level'; // "Position" taken as the hierarchy level by this client
  await run(first.id, { mapping });
  const second = await upload(client, 'tab-separated.tsv');
  expect((await preview(second.id)).mapping[5]).toBe('level');
});

test('a large file uploads past the ordinary body limit and reports progress', async () => {
  // 40,000 rows through libphonenumber take a while in the sanitizer build on two shared cores.
  test.setTimeout(180_000);
  const client = await newClient('Import Large');
  let text = 'Firma;Nachname;Telefon\r\n';
  for (let i = 0; i < 40000; i++) text += `Firma ${i} GmbH;Name ${i};030 ${2000000 + i}\r\n`;
  expect(text.length).toBeGreaterThan(1 << 20);
  const response = await admin.api.post(`/api/clients/${client}/imports?name=gross.csv`, {
    data: Buffer.from(text),
    headers: { 'X-CSRF-Token': admin.csrf, 'Content-Type': 'text/csv' },
  });
  expect(response.status(), await response.text()).toBe(201);
  const job = (await response.json()) as Job & { file_size: number };
  expect(job.file_size).toBe(text.length);
  const done = await run(job.id);
  expect(done.imported).toBe(40000);
  expect(done.rows_total).toBe(40000);
});

test('an anonymous upload gets the ordinary body limit', async ({ request }) => {
  const body = Buffer.alloc((1 << 20) + 10, 'a');
  const response = await request.post('/api/clients/1/imports', { data: body, headers: { 'Content-Type': 'text/csv' } });
  expect([401, 413]).toContain(response.status());
});

test('the command line imports the same file and lists the rejected rows with their lines', async () => {
  const bin = process.env.TERMINTREU_BIN;
  const work = process.env.TERMINTREU_WORK;
  test.skip(!bin || !work, 'needs TERMINTREU_BIN and TERMINTREU_WORK (the server’s data directory is WORK/data)');
  const client = await newClient('Import CLI');
  const { execFileSync } = await import('node:child_process');
  const out = execFileSync(
    bin!,
    ['import', '--data', path.join(work!, 'data'), '--client', String(client), '--file',
      path.join(fixtures, 'utf8-bom-semicolon.csv'), '--log-level', 'warn'],
    { encoding: 'utf8' },
  );
  expect(out).toContain('UTF-8, semicolon');
  expect(out).toMatch(/Telefon\s+→ phone/);
  expect(out).toContain('4 rows: 3 imported, 0 merged, 1 duplicates skipped, 0 blocked skipped, 0 rejected');
  expect(out).toContain('line 5: duplicate (phone: the same person as a row above)');
  const history = (await (await admin.api.get(`/api/clients/${client}/imports`)).json()) as { imports: Job[] };
  expect(history.imports[0]?.state).toBe('done');
});
