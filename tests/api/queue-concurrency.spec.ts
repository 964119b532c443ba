import { performance } from 'node:perf_hooks';
import { expect, test } from '@playwright/test';
import { createUserAs, signInAt, type ApiSession } from '../support/api';
import { advanceClock, minutesToNextWeekdayMorning } from '../support/clock-server';
import { createDatabase, dropDatabase, testPostgresql } from '../support/postgresql';
import {
  acknowledgeBriefing, createCampaignWithLeads, mapLimited, overlappingHolds, peakAtWork, pressNext, readLedger, releaseLead,
  staffAndActivate, workShift, type Cycle,
} from '../support/queue-load';
import {
  createAgency, freshDataDir, sanitizerFindings, startServer, stopServer, type DatabaseArgs, type StartedServer,
} from '../support/server';

// The calling queue under hundreds of agents at once, through HTTP against server processes of the test's own: one
// process on SQLite, two processes on one PostgreSQL database. Every agent presses Next and records a retry outcome a
// fixed number of times. No lead may be held by two agents at once, every outcome must be stored, and the call log,
// its check and the supervision board must agree exactly with what the agents were answered.

function count(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, not "${text}"`);
  return value;
}

const SESSIONS = count('TERMINTREU_CONCURRENCY_SESSIONS', 200);
const CYCLES = count('TERMINTREU_CONCURRENCY_CYCLES', 3);
// Each call lasts up to this long between Next and the outcome, so that many leads are held at the same moment.
const TALK_MS = count('TERMINTREU_CONCURRENCY_TALK_MS', 50);
// Creating a user and signing in each cost an Argon2id hash: a few at a time keep two shared cores busy, no more.
const ARGON_PARALLEL = 4;
// A lead's next attempt is at least an hour away (the legal minimum gap), so no lead may come twice in a run; the
// slack keeps the last presses from meeting an empty queue.
const LEADS = Math.ceil(SESSIONS * CYCLES * 1.1);

interface Store {
  database: DatabaseArgs;
  serve: () => Promise<StartedServer>;
  drop: () => void;
}

const SERVE = ['--no-demo', '--test-clock'];

const ENGINES: { name: string; processes: number; store: () => Store }[] = [
  {
    name: 'SQLite',
    processes: 1,
    store: () => {
      const data = freshDataDir();
      return { database: ['--data', data], serve: () => startServer(data, SERVE), drop: () => {} };
    },
  },
  {
    name: 'PostgreSQL',
    processes: 2,
    store: () => {
      const cluster = testPostgresql();
      const url = createDatabase(cluster, 'tt_concurrency');
      return {
        database: ['--database', url],
        serve: () => startServer(freshDataDir(), ['--database', url, ...SERVE]),
        drop: () => dropDatabase(cluster, url),
      };
    },
  },
];

type Admin = { email: string; password: string };

/** Moves every process's clock by the same minutes (each process has a clock of its own) and checks they agree. */
async function moveClocks(servers: StartedServer[], admin: Admin, minutes: number): Promise<Date> {
  const times = await Promise.all(servers.map(async (server) => {
    const session = await signInAt(server.url, admin.email, admin.password);
    try {
      return await advanceClock(session, minutes);
    } finally {
      await session.dispose();
    }
  }));
  const spread = Math.max(...times.map(Number)) - Math.min(...times.map(Number));
  expect(spread, `the processes' clocks after the move: ${times.map((t) => t.toISOString()).join(', ')}`).toBeLessThan(60_000);
  return times[0]!;
}

function describe(c: Cycle): string {
  const held = c.outcomeSent === null ? 'not called' : `held ${c.nextAnswered.toFixed(1)}–${c.outcomeSent.toFixed(1)} ms`;
  return `agent ${c.agent} via process ${c.server}: Next ${c.nextStatus}, lead ${c.lead} (${c.emptyReason ?? held}), ` +
    `outcome ${c.outcome} → ${c.outcomeStatus}${c.outcomeError ? ` ${c.outcomeError}` : ''}`;
}

function tally<K>(keys: Iterable<K>): Map<K, number> {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

for (const engine of ENGINES) {
  test(`${SESSIONS} agents work one queue for ${CYCLES} cycles each on ${engine.name} (${engine.processes} process(es))`, async () => {
    test.setTimeout(360_000);
    const setupStarted = performance.now();
    const store = engine.store();
    const servers: StartedServer[] = [];
    const agents: ApiSession[] = [];
    try {
      const admin = createAgency(store.database, 'Lastagentur');
      for (let i = 0; i < engine.processes; i++) servers.push(await store.serve());
      const urlOf = (index: number) => servers[index % servers.length]!.url;
      // Sessions end after 12 idle hours of server time: sign in anew after every move.
      await moveClocks(servers, admin, minutesToNextWeekdayMorning(new Date()));

      const setup = await signInAt(urlOf(0), admin.email, admin.password);
      const campaign = await createCampaignWithLeads(setup, LEADS);
      const password = `Lastprobe-${Math.random().toString(36).slice(2, 10)}!`;
      const usersStarted = performance.now();
      const users = await mapLimited(Array.from({ length: SESSIONS }), ARGON_PARALLEL, () => createUserAs(setup, 'agent', { password }));
      const usersSeconds = (performance.now() - usersStarted) / 1000;
      await staffAndActivate(setup, campaign, users.map((u) => u.id));
      await setup.dispose();

      // A public holiday closes the calling windows: move on a day until a lead comes (then give it back uncalled).
      for (let day = 0; ; day++) {
        const probe = await signInAt(urlOf(0), users[0]!.email, password);
        try {
          await acknowledgeBriefing(probe, campaign);
          const first = await pressNext(probe);
          if (first.lead !== null) {
            await releaseLead(probe, first.lead);
            break;
          }
          expect(first.reason, 'only a closed day leaves the fresh queue empty').toBe('nothing_due');
        } finally {
          await probe.dispose();
        }
        expect(day, 'a working day within a week').toBeLessThan(7);
        await moveClocks(servers, admin, 24 * 60);
      }

      const signInStarted = performance.now();
      agents.push(...await mapLimited(users, ARGON_PARALLEL, async (user, i) => {
        const session = await signInAt(urlOf(i), user.email, password);
        await acknowledgeBriefing(session, campaign);
        return session;
      }));
      const signInSeconds = (performance.now() - signInStarted) / 1000;
      const setupSeconds = (performance.now() - setupStarted) / 1000;

      const runStarted = performance.now();
      const cycles = (await Promise.all(agents.map((agent, i) => workShift(agent, i % servers.length, CYCLES, TALK_MS)))).flat();
      const runSeconds = (performance.now() - runStarted) / 1000;
      const recorded = cycles.filter((c) => c.seq !== null);
      const peak = peakAtWork(cycles);

      expect.soft(peak, 'most agents at work at the same moment (else this tests no concurrency)').toBeGreaterThan(SESSIONS / 2);
      expect.soft(cycles.filter((c) => c.nextStatus !== 200).map(describe), 'Next answered 200').toEqual([]);
      expect.soft(cycles.filter((c) => c.nextStatus === 200 && c.lead === null).map(describe), 'the queue had a lead for every press')
        .toEqual([]);
      expect.soft(cycles.filter((c) => c.lead !== null && c.outcomeStatus !== 201).map(describe), 'every outcome was stored (201)')
        .toEqual([]);
      expect.soft(overlappingHolds(cycles).map(([a, b]) => `${describe(a)}  AND  ${describe(b)}`), 'no lead held by two agents at once')
        .toEqual([]);
      const twice = [...tally(cycles.filter((c) => c.lead !== null).map((c) => c.lead)).entries()].filter(([, n]) => n > 1);
      expect.soft(twice.map(([lead]) => cycles.filter((c) => c.lead === lead).map(describe).join('  THEN  ')),
        'no lead came again within its retry delay (at least an hour of server time)').toEqual([]);

      // Reconcile with the server: the call log holds exactly the attempts the agents were answered 201 for.
      const reader = await signInAt(urlOf(0), admin.email, admin.password);
      try {
        const ledger = await readLedger(reader, campaign.id);
        const row = (seq: number, lead: number, agent: number, outcome: string) => `#${seq} lead ${lead} agent ${agent} ${outcome}`;
        const bySeq = (a: { seq: number }, b: { seq: number }) => a.seq - b.seq;
        expect.soft(ledger.entries.map((e) => e.seq), 'the call log counts 1, 2, 3, …')
          .toEqual(ledger.entries.map((_, i) => i + 1));
        expect.soft(ledger.entries.sort(bySeq).map((e) => row(e.seq, e.lead, e.agent, e.outcome)), 'the call log against the 201 answers')
          .toEqual(recorded.map((c) => ({ ...c, seq: c.seq! })).sort(bySeq).map((c) => row(c.seq, c.lead!, c.agent, c.outcome!)));
        const check = await reader.api.get(`/api/campaigns/${campaign.id}/ledger/verify`);
        expect(check.status()).toBe(200);
        expect.soft(await check.json()).toMatchObject({ ok: true, checked: recorded.length });
        for (let i = 1; i < servers.length; i++) {
          const other = await signInAt(urlOf(i), admin.email, admin.password);
          try {
            expect.soft((await readLedger(other, campaign.id)).text, `the call log read through process ${i}`).toBe(ledger.text);
          } finally {
            await other.dispose();
          }
        }

        const board = (await (await reader.api.get('/api/supervision')).json()) as {
          agents: { user_id: number; calls_today: number }[];
          campaigns: { campaign_id: number; calls_today: number }[];
        };
        const ours = new Set(users.map((u) => u.id));
        const seen = new Map(board.agents.filter((a) => ours.has(a.user_id)).map((a) => [a.user_id, a.calls_today]));
        const called = new Map(users.map((u) => [u.id, 0]));
        for (const c of recorded) called.set(c.agent, called.get(c.agent)! + 1);
        expect.soft(seen, 'calls per agent on the supervision board').toEqual(called);
        expect.soft(board.campaigns.find((c) => c.campaign_id === campaign.id)?.calls_today, 'calls of the campaign on the board')
          .toBe(recorded.length);
      } finally {
        await reader.dispose();
      }

      const figures = `${engine.name}: ${SESSIONS} sessions on ${servers.length} process(es) × ${CYCLES} cycles, ${LEADS} leads; ` +
        `${cycles.length} presses, ${recorded.length} outcomes stored, at most ${peak} agents at work at once, ` +
        `outcomes per process ${JSON.stringify(Object.fromEntries(tally(recorded.map((c) => c.server))))}; ` +
        `setup ${setupSeconds.toFixed(1)} s (creating the agents ${usersSeconds.toFixed(1)} s, signing them in ` +
        `${signInSeconds.toFixed(1)} s), run ${runSeconds.toFixed(1)} s ` +
        `(${(2 * cycles.length / runSeconds).toFixed(0)} requests/s)`;
      test.info().annotations.push({ type: 'figures', description: figures });
      console.log(figures);
    } finally {
      await Promise.all(agents.map((a) => a.dispose()));
      for (const server of servers) await stopServer(server);
      store.drop();
    }
    for (const [i, server] of servers.entries()) {
      expect(sanitizerFindings(server.output()), `sanitizer findings of process ${i}`).toEqual([]);
    }
  });
}
