import { execFileSync } from 'node:child_process';
import { expect } from '@playwright/test';
import type { DemoCredentials, Role } from './credentials';
import { binary, freshDataDir, startServer, stopServer, type StartedServer } from './server';
import { signInAt, type ApiSession } from './api';

/**
 * A server of its own with demo data and a clock the test may move forward (serve --test-clock), so moving time
 * never touches the sessions of tests that share the main server.
 */
export interface ClockServer {
  url: string;
  credentials: DemoCredentials;
  signIn: (role: Role) => Promise<ApiSession>;
  /**
   * Moves the server's clock forward (as the demo admin) and returns the server's time afterwards. Sessions idle for
   * more than 12 hours of server time end: sign in again after a long move.
   */
  advance: (minutes: number) => Promise<Date>;
  stop: () => Promise<void>;
}

/** `extra`: more `serve` flags (e.g. an SMTP server for mail tests). */
export async function startClockServer(extra: string[] = []): Promise<ClockServer> {
  const data = freshDataDir();
  const out = execFileSync(binary(), ['demo', '--data', data, '--json', '--log-level', 'warn'], { encoding: 'utf8' });
  const credentials = JSON.parse(out.slice(out.search(/^\{/m))) as DemoCredentials;
  const server: StartedServer = await startServer(data, ['--no-demo', '--test-clock', ...extra]);

  const signIn = async (role: Role): Promise<ApiSession> => {
    const user = credentials.users.find((u) => u.role === role);
    if (!user) throw new Error(`no demo user with role ${role}`);
    return signInAt(server.url, user.email, user.password);
  };

  // A fresh admin session per move: a long move ends every session that was idle through it.
  const advance = async (minutes: number): Promise<Date> => {
    const admin = await signIn('admin');
    try {
      return await advanceClock(admin, minutes);
    } finally {
      await admin.dispose();
    }
  };

  const stop = async () => {
    await stopServer(server);
  };
  return { url: server.url, credentials, signIn, advance, stop };
}

/**
 * Moves the clock of the server `admin` is signed in to (started with --test-clock) forward and returns its time
 * afterwards. The clock is the process's own: several processes on one database are moved one by one.
 */
export async function advanceClock(admin: ApiSession, minutes: number): Promise<Date> {
  const response = await admin.api.post('/api/test/clock', {
    data: { advance_minutes: minutes },
    headers: { 'X-CSRF-Token': admin.csrf },
  });
  expect(response.status(), await response.text()).toBe(200);
  return new Date(((await response.json()) as { now: string }).now);
}

/** Minutes from `now` to the next weekday (Monday–Friday) at `hour`:00 in Berlin, at least one hour ahead. */
export function minutesToNextWeekdayMorning(now: Date, hour = 10): number {
  for (let days = 0; days < 8; days++) {
    const candidate = berlinWallClock(now, days, hour);
    const weekday = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', weekday: 'short' }).format(candidate);
    if (candidate.getTime() - now.getTime() >= 60 * 60_000 && !['Sat', 'Sun'].includes(weekday)) {
      return Math.ceil((candidate.getTime() - now.getTime()) / 60_000);
    }
  }
  throw new Error('no weekday within 8 days');
}

/** The instant `days` days after `now` at `hour`:00 on Berlin's wall clock. */
function berlinWallClock(now: Date, days: number, hour: number): Date {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(now.getTime() + days * 24 * 60 * 60_000));
  // Try both offsets Berlin can have; the one whose wall clock reads `hour` is right.
  for (const offset of ['+01:00', '+02:00']) {
    const candidate = new Date(`${parts}T${String(hour).padStart(2, '0')}:00:00${offset}`);
    const shown = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', hourCycle: 'h23' }).format(candidate);
    if (Number(shown) === hour) return candidate;
  }
  throw new Error(`no ${hour}:00 in Berlin on ${parts}`);
}
