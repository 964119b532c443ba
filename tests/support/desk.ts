import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { minutesToNextWeekdayMorning, startClockServer, type ClockServer } from './clock-server';
import type { Role } from './credentials';
import { present } from './present';
import { startSmtpSink, type SmtpSink } from './smtp-sink';
import { chooseLanguage, signInUI } from './ui';

export interface Desk {
  context: BrowserContext;
  page: Page;
}

/**
 * A clock server with the desks (browsers) of its demo users, whose clocks run from the server's time, as on a
 * real desk: calls happen on weekdays inside the calling windows, so the server starts at 10:00 in Berlin on the
 * next weekday (12:00 is then inside too).
 */
export class Desks {
  private started: { server: ClockServer; now: Date } | null = null;
  private sink: SmtpSink | null = null;

  /**
   * Desks on a server of their own for the tests of one file: started before the first, stopped after the last.
   * `smtp`: the server sends its mail to an SMTP sink of the test's (`mail`).
   */
  static perFile({ smtp = false }: { smtp?: boolean } = {}): Desks {
    const desks = new Desks();
    test.beforeAll(async () => {
      test.setTimeout(120_000);
      if (smtp) desks.sink = await startSmtpSink();
      const extra = desks.sink ? ['--smtp-url', `smtp://127.0.0.1:${desks.sink.port}`, '--smtp-from', 'termine@agentur.example'] : [];
      const server = await startClockServer(extra);
      desks.started = { server, now: await server.advance(minutesToNextWeekdayMorning(await server.advance(1))) };
    });
    test.afterAll(async () => {
      await desks.started?.server.stop();
      await desks.sink?.close();
    });
    return desks;
  }

  /** The mail the server sent (perFile with smtp). */
  get mail(): SmtpSink {
    return present(this.sink, 'the SMTP sink of this file (perFile({ smtp: true }))');
  }

  /** The server's time when last read or moved. */
  get now(): Date {
    return this.serverNow;
  }

  get server(): ClockServer {
    return present(this.started, 'the clock server of this file (started in beforeAll)').server;
  }

  /** The server's time when last read: a desk's clock starts from it, so it runs behind the server by at most the
   * seconds the test has spent since, never ahead (a callback "in 2 h" is then due once the server moved 2 h on). */
  private get serverNow(): Date {
    return present(this.started, 'the clock server of this file (started in beforeAll)').now;
  }

  /** The `nth` demo user of `role`. */
  user(role: Role, nth = 0) {
    return present(this.server.credentials.users.filter((u) => u.role === role)[nth], `demo ${role} no. ${nth + 1}`);
  }

  /** A browser of the `nth` demo user of `role`, signed in, in English. */
  async open(browser: Browser, role: Role, nth = 0): Promise<Desk> {
    const context = await browser.newContext({ baseURL: this.server.url, locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 1400 } });
    await context.clock.install({ time: this.serverNow });
    // No softphone on a test machine: a tel: link would ask Chromium for an external handler and take the keyboard
    // away. The click still reaches the app (which starts its timer); only the browser's own navigation is stopped.
    await context.addInitScript(() => {
      document.addEventListener('click', (event) => {
        if (event.target instanceof Element && event.target.closest('a[href^="tel:"]')) event.preventDefault();
      }, true);
    });
    const page = await context.newPage();
    const user = this.user(role, nth);
    await signInUI(page, user.email, user.password);
    await chooseLanguage(page, 'en');
    return { context, page };
  }

  /** Moves the server's clock and every given desk's clock forward together. */
  async advance(minutes: number, ...contexts: BrowserContext[]): Promise<void> {
    const server = this.server;
    this.started = { server, now: await server.advance(minutes) };
    for (const context of contexts) await context.clock.fastForward(minutes * 60_000);
  }
}

/** Next by keyboard until a lead card is there, acknowledging the briefings on the way when the queue asks. */
export async function nextLead(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: /^Next/ })).toBeEnabled();
  await page.keyboard.press('n');
  const acknowledge = page.getByRole('button', { name: /^I have read version/ });
  const card = page.getByRole('region', { name: 'Lead card' });
  await expect(card.or(acknowledge.first())).toBeVisible();
  if (await card.isVisible()) return;
  for (let left = await acknowledge.count(); left > 0; left--) {
    await acknowledge.first().click();
    await expect(acknowledge).toHaveCount(left - 1);
  }
  await page.keyboard.press('n');
  await expect(card).toBeVisible();
}
