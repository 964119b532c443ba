import { expect, test, type APIResponse } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiSignIn, apiSignInAs, type ApiSession } from '../support/api';
import { binary } from '../support/server';

// The call log of a demo campaign (the demo records a few calls per active campaign): downloaded, checked offline
// with exactly the shell script docs/call-ledger.md gives auditors, tampered with, checked on the server, and
// refused to those who may not see it.

const here = dirname(fileURLToPath(import.meta.url));
const GENESIS = '0'.repeat(64);
const keys = (value: unknown) => Object.keys(value as object).sort();

/** The bash block of docs/call-ledger.md that follows its verify-ledger.sh marker. */
function documentedScript(): string {
  const doc = readFileSync(join(here, '..', '..', 'docs', 'call-ledger.md'), 'utf8');
  const match = /<!-- verify-ledger\.sh[^\n]*-->\n```bash\n([\s\S]*?)\n```/.exec(doc);
  if (!match) throw new Error('docs/call-ledger.md has no verify-ledger.sh block');
  return match[1]!;
}

interface Check {
  ok: boolean;
  checked: number;
  head: string;
  broken: { seq: number; line: number; problem: string } | null;
}

test.describe('the call log', () => {
  let dir: string;
  let script: string;
  let admin: ApiSession;
  let campaignId: number;
  let ledger: string;

  /** Runs the documented script on `text` (plus extra arguments) with bash, as an auditor would. */
  function runScript(text: string, ...args: string[]): { status: number | null; out: string } {
    const file = join(dir, `ledger-${Math.random().toString(36).slice(2)}.txt`);
    writeFileSync(file, text);
    const result = spawnSync('bash', [script, file, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
    return { status: result.status, out: `${result.stdout}${result.stderr}`.trim() };
  }

  async function verify(session: ApiSession, id: number): Promise<APIResponse> {
    return session.api.get(`/api/campaigns/${id}/ledger/verify`);
  }

  test.beforeAll(async () => {
    dir = mkdtempSync(join(process.env.TERMINTREU_WORK ?? tmpdir(), 'ledger-'));
    script = join(dir, 'verify-ledger.sh');
    writeFileSync(script, documentedScript());
    admin = await apiSignInAs('admin');
    // A campaign of the demo client manager's client, so the client's own users can be shown its log.
    const manager = await apiSignInAs('client_manager');
    const { campaigns } = (await (await manager.api.get('/api/campaigns')).json()) as { campaigns: { id: number; state: string }[] };
    await manager.dispose();
    for (const campaign of campaigns.filter((c) => c.state === 'active')) {
      const response = await admin.api.get(`/api/campaigns/${campaign.id}/ledger`);
      expect(response.status(), await response.text()).toBe(200);
      const text = await response.text();
      if (text.split('\n').length > 5) {
        campaignId = campaign.id;
        ledger = text;
        break;
      }
    }
    expect(ledger, 'the demo has an active campaign with at least five calls').toBeTruthy();
  });

  test.afterAll(async () => {
    await admin?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  test('downloads as a text file, one chained line per call', async () => {
    const response = await admin.api.get(`/api/campaigns/${campaignId}/ledger`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.headers()['content-disposition']).toBe(`attachment; filename="campaign-${campaignId}-ledger.txt"`);
    const lines = ledger.split('\n');
    expect(lines.pop()).toBe('');
    let prev = GENESIS;
    lines.forEach((line, index) => {
      const match = /^([0-9a-f]{64}) ([0-9a-f]{64}) (\[.*\])$/.exec(line);
      expect(match, line).toBeTruthy();
      expect(match![2]).toBe(prev);
      const entry = JSON.parse(match![3]!) as unknown[];
      expect(entry.length).toBe(17);
      expect(entry.slice(0, 3)).toEqual(['termintreu-call-v1', campaignId, index + 1]);
      prev = match![1]!;
    });
    // The demo's correction names the entry it corrects.
    expect(lines.some((line) => /,5,\d+\]$/.test(line))).toBe(true);
  });

  test('the documented shell script says OK, and names the first broken line of a tampered copy', async () => {
    const lines = ledger.trimEnd().split('\n');
    const check = (await (await verify(admin, campaignId)).json()) as Check;
    const intact = runScript(ledger);
    expect(intact.out).toBe(`OK ${lines.length} entries, head ${check.head}`);
    expect(intact.status).toBe(0);

    const changed = [...lines];
    changed[2] = changed[2]!.replace(/"(no_answer|voicemail|not_interested|callback|gatekeeper|appointment)"/, '"appointment_kept"');
    expect(changed[2]).not.toBe(lines[2]);
    expect(runScript(changed.join('\n') + '\n')).toEqual({ status: 1, out: 'BROKEN line 3 (seq 3): hash' });

    const talkedLonger = [...lines];
    talkedLonger[0] = talkedLonger[0]!.replace(/,(\d+),(null|\d+),(null|\d+),(\d+)\]$/, (_m, talk, cb, cs, at) => `,${Number(talk) + 60},${cb},${cs},${at}]`);
    expect(talkedLonger[0]).not.toBe(lines[0]);
    expect(runScript(talkedLonger.join('\n') + '\n')).toEqual({ status: 1, out: 'BROKEN line 1 (seq 1): hash' });

    const deleted = lines.filter((_, i) => i !== 1);
    expect(runScript(deleted.join('\n') + '\n')).toEqual({ status: 1, out: 'BROKEN line 2 (seq 3): prev_hash' });

    const swapped = [lines[0]!, lines[2]!, lines[1]!, ...lines.slice(3)];
    expect(runScript(swapped.join('\n') + '\n')).toEqual({ status: 1, out: 'BROKEN line 2 (seq 3): prev_hash' });

    // A changed line before a broken link is the first break, though the script finds links and hashes apart.
    const changedThenDeleted = [...changed.slice(0, 4), ...changed.slice(5)];
    expect(runScript(changedThenDeleted.join('\n') + '\n')).toEqual({ status: 1, out: 'BROKEN line 3 (seq 3): hash' });
    const notALine = [...lines];
    notALine[1] = `x${notALine[1]!.slice(1)}`;
    expect(runScript(notALine.join('\n') + '\n')).toEqual({ status: 1, out: 'BROKEN line 2: not a call log line' });

    // A cut-off chain is intact by itself; the head kept from the earlier check shows what is missing.
    const cut = lines.slice(0, 3).join('\n') + '\n';
    expect(runScript(cut).status).toBe(0);
    expect(runScript(cut, check.head)).toEqual({ status: 1, out: `BROKEN: the earlier head ${check.head} is not in this chain` });
    expect(runScript(ledger, lines[2]!.slice(0, 64)).status).toBe(0);
    // Line endings changed on the way (CRLF) do not matter.
    expect(runScript(lines.join('\r\n') + '\r\n').status).toBe(0);
  });

  test('verify answers ok with the head, for supervision and for the campaign\'s client', async () => {
    const lines = ledger.trimEnd().split('\n');
    const head = lines[lines.length - 1]!.slice(0, 64);
    for (const role of ['admin', 'project_manager', 'supervisor', 'client_manager', 'client_rep'] as const) {
      const session = await apiSignInAs(role);
      try {
        const response = await verify(session, campaignId);
        expect(response.status(), `${role}: ${await response.text()}`).toBe(200);
        const check = (await response.json()) as Check;
        expect(keys(check)).toEqual(['broken', 'checked', 'head', 'ok']);
        expect(check).toEqual({ ok: true, checked: lines.length, head, broken: null });
        const download = await session.api.get(`/api/campaigns/${campaignId}/ledger`);
        expect(download.status(), role).toBe(200);
        expect(await download.text()).toBe(ledger);
      } finally {
        await session.dispose();
      }
    }
  });

  test('a campaign without calls has an empty, intact log', async () => {
    const { campaigns } = (await (await admin.api.get('/api/campaigns')).json()) as { campaigns: { id: number; state: string }[] };
    const draft = campaigns.find((c) => c.state === 'draft');
    expect(draft, 'the demo has a draft campaign').toBeTruthy();
    const download = await admin.api.get(`/api/campaigns/${draft!.id}/ledger`);
    expect(download.status()).toBe(200);
    expect(await download.text()).toBe('');
    expect(await (await verify(admin, draft!.id)).json()).toEqual({ ok: true, checked: 0, head: GENESIS, broken: null });
  });

  test('agents, other clients and other agencies are refused; a bad id names the field', async () => {
    const agent = await apiSignInAs('agent');
    try {
      expect((await verify(agent, campaignId)).status()).toBe(403);
      expect((await agent.api.get(`/api/campaigns/${campaignId}/ledger`)).status()).toBe(403);
    } finally {
      await agent.dispose();
    }

    const manager = await apiSignInAs('client_manager');
    try {
      const me = (await (await manager.api.get('/api/me')).json()) as { user: { client_id: number } };
      const { campaigns } = (await (await admin.api.get('/api/campaigns')).json()) as { campaigns: { id: number; client_id: number }[] };
      const foreign = campaigns.filter((c) => c.client_id !== me.user.client_id);
      expect(foreign.length).toBeGreaterThan(0);
      for (const campaign of foreign) {
        const response = await verify(manager, campaign.id);
        expect(response.status()).toBe(404);
        expect(((await response.json()) as { error: { field: string } }).error.field).toBe('id');
        expect((await manager.api.get(`/api/campaigns/${campaign.id}/ledger`)).status()).toBe(404);
      }
    } finally {
      await manager.dispose();
    }

    const other = JSON.parse(readFileSync(process.env.TERMINTREU_OTHER_AGENCY ?? '', 'utf8')) as { email: string; password: string };
    const otherAdmin = await apiSignIn(other.email, other.password);
    try {
      expect((await verify(otherAdmin, campaignId)).status()).toBe(404);
      const download = await otherAdmin.api.get(`/api/campaigns/${campaignId}/ledger`);
      expect(download.status()).toBe(404);
      expect(await download.text()).not.toContain(ledger.slice(0, 64));
    } finally {
      await otherAdmin.dispose();
    }

    for (const bad of ['abc', '0', '-3']) {
      const response = await admin.api.get(`/api/campaigns/${bad}/ledger/verify`);
      expect(response.status(), bad).toBe(400);
      const body = (await response.json()) as { error: { code: string; field: string } };
      expect(body.error).toMatchObject({ code: 'invalid', field: 'id' });
    }
  });

  test('termintreu ledger verify checks every campaign of a fresh demo database', () => {
    const data = join(dir, 'cli-data');
    const demo = spawnSync(binary(), ['demo', '--data', data, '--log-level', 'warn'], { encoding: 'utf8' });
    expect(demo.status, demo.stderr).toBe(0);
    const run = spawnSync(binary(), ['ledger', 'verify', '--data', data, '--log-level', 'warn'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines.length).toBe(4);
    for (const line of lines) expect(line).toMatch(/^campaign \d+: OK, \d+ entries, head [0-9a-f]{64}$/);
    expect(lines.filter((line) => !line.includes(' OK, 0 entries')).length).toBe(2);
    const missing = spawnSync(binary(), ['ledger', 'verify', '--data', data, '--campaign', '999999', '--log-level', 'warn'], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--campaign');
    const help = spawnSync(binary(), ['--help'], { encoding: 'utf8' });
    expect(help.stdout).toContain('ledger');
  });

  test('a supervisor corrects an entry by appending a correction that names it; the log stays intact', async () => {
    interface Attempt { id: number; seq: number; outcome: string; reason: string; phone: string; corrects_seq: number | null }
    const supervisor = await apiSignInAs('supervisor');
    try {
      const { leads } = (await (await supervisor.api.get(`/api/campaigns/${campaignId}/leads?limit=100`)).json()) as { leads: { id: number }[] };
      let leadId = 0;
      let original: Attempt | undefined;
      for (const lead of leads) {
        const card = (await (await supervisor.api.get(`/api/workspace/leads/${lead.id}`)).json()) as { attempts: Attempt[] };
        // Neither a correction nor corrected already (an entry is corrected once).
        original = card.attempts.find((a) => a.corrects_seq === null && !card.attempts.some((b) => b.corrects_seq === a.seq));
        if (original) {
          leadId = lead.id;
          break;
        }
      }
      expect(original, 'a lead of the campaign with a recorded call').toBeDefined();
      const url = `/api/call-attempts/${original!.id}/corrections`;
      const correct = (session: ApiSession, data: unknown) => session.api.post(url, { data, headers: { 'X-CSRF-Token': session.csrf } });
      const expectField = async (response: APIResponse, field: string) => {
        expect(response.status(), await response.text()).toBe(400);
        expect(((await response.json()) as { error: { field: string } }).error.field).toBe(field);
      };
      await expectField(await correct(supervisor, { outcome: 'busy' }), 'note');
      await expectField(await correct(supervisor, { outcome: 'callback', note: 'x' }), 'outcome');
      await expectField(await correct(supervisor, { outcome: 'objection', note: 'x' }), 'outcome');
      await expectField(await correct(supervisor, { outcome: 'not_interested', note: 'x' }), 'reason');
      await expectField(await correct(supervisor, { outcome: original!.outcome, reason: original!.reason, note: 'x' }), 'outcome');

      const agent = await apiSignInAs('agent');
      try {
        expect((await correct(agent, { outcome: 'busy', note: 'x' })).status()).toBe(403);
      } finally {
        await agent.dispose();
      }

      const right = original!.outcome === 'wrong_number' ? 'busy' : 'wrong_number';
      const response = await correct(supervisor, { outcome: right, note: 'Agent hat sich verklickt: Nummer existiert nicht' });
      expect(response.status(), await response.text()).toBe(201);
      const correction = (await response.json()) as Attempt;
      expect(correction.corrects_seq).toBe(original!.seq);
      expect(correction.seq).toBeGreaterThan(original!.seq);
      expect(correction.outcome).toBe(right);
      expect(correction.phone).toBe(original!.phone);

      const card = (await (await supervisor.api.get(`/api/workspace/leads/${leadId}`)).json()) as { attempts: Attempt[] };
      expect(card.attempts.find((a) => a.id === original!.id), 'the corrected entry stays as it was').toEqual(original);
      expect(card.attempts.some((a) => a.id === correction.id)).toBe(true);
      const check = (await (await verify(supervisor, campaignId)).json()) as Check;
      expect(check.ok).toBe(true);
      const text = await (await supervisor.api.get(`/api/campaigns/${campaignId}/ledger`)).text();
      const line = text.split('\n').find((l) => l.includes(`"termintreu-call-v1",${campaignId},${correction.seq},`));
      expect(line, 'the correction is in the downloaded chain').toBeDefined();
      expect(runScript(text).status, 'the offline check still passes').toBe(0);
    } finally {
      await supervisor.dispose();
    }
  });
});
