import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { Desks, nextLead } from '../support/desk';
import { claimOf, linksIn } from '../support/smtp-sink';
import { chooseLanguage } from '../support/ui';

// An agent books from the call (8): the dialog lists the reps' free times in the person's local time, least extra
// driving first; Enter books the first. The campaign page lists the appointment, and the rep's calendar feed (a
// secret URL the client manager's admin issues) carries it. The person confirms with the link in the confirmation
// mail; after the date supervision records a no-show, and the agent who set it has the callback to find a new date.
// On a server of its own that mails to a sink of the test's: the clock is set to a weekday.

const DIR = path.join(import.meta.dirname, '..', 'results', 'screenshots');

const desks = Desks.perFile({ smtp: true });

test('an agent books a suggested slot from the call; the feed carries it, the link confirms it, a no-show calls again', async ({ browser }) => {
  test.setTimeout(300_000);
  mkdirSync(DIR, { recursive: true });
  const agent = await desks.open(browser, 'agent');
  const page = agent.page;
  await page.goto('/workspace');
  await nextLead(page);
  const card = page.getByRole('region', { name: 'Lead card' });
  const company = (await card.locator('.lead-card__company strong').textContent())?.trim() ?? '';
  await page.keyboard.press('d');
  await page.keyboard.press('/');
  await expect(page.getByLabel(/^Notes/)).toBeFocused();
  await page.keyboard.type('Interesse an Wartung für zwei Linien');
  await page.keyboard.press('Escape');

  // 8 asks for the booking; the best suggestion is chosen, the notes start the agenda.
  await page.keyboard.press('8');
  const dialog = page.getByRole('dialog', { name: /^Appointment with/ });
  await expect(dialog).toBeVisible();
  const slots = dialog.getByRole('group', { name: /^Free times/ });
  const first = slots.getByRole('radio').first();
  await expect(first).toBeChecked();
  const firstRow = slots.locator('label.slot').first();
  const when = (await firstRow.locator('.slot__when').textContent())?.trim() ?? '';
  const rep = (await firstRow.locator('.slot__rep').textContent())?.trim() ?? '';
  expect(when).not.toBe('');
  await expect(firstRow).toContainText(/min driving/);
  await expect(dialog.getByRole('textbox', { name: /^Topics/ })).toHaveValue('Interesse an Wartung für zwei Linien');
  // Arrow keys move through the times; Home goes back to the best.
  await first.focus();
  await page.keyboard.press('ArrowDown');
  await expect(slots.getByRole('radio').nth(1)).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await expect(first).toBeChecked();
  await page.screenshot({ path: path.join(DIR, 'workspace-appointment-en.png') });
  await dialog.getByRole('button', { name: 'Book appointment' }).click();
  await expect(dialog).toHaveCount(0);
  const status = page.getByRole('status').filter({ hasText: /recorded for/ });
  await expect(status).toContainText('Appointment');
  await expect(status).toContainText('the rep and the person get the invitation');

  // German: the same dialog, in German (looked at in the screenshot).
  await nextLead(page);
  await chooseLanguage(page, 'de');
  await page.keyboard.press('8');
  const german = page.getByRole('dialog', { name: /^Termin mit/ });
  await expect(german.getByRole('group', { name: /^Freie Zeiten/ })).toBeVisible();
  await expect(german.locator('label.slot').first()).toContainText(/Min\. Fahrt|Andere Zeit/);
  await page.screenshot({ path: path.join(DIR, 'workspace-appointment-de.png') });
  await german.getByRole('button', { name: 'Abbrechen' }).click();
  await chooseLanguage(page, 'en');

  // The supervisor sees it on the campaign page.
  const supervisor = await desks.open(browser, 'supervisor');
  const campaigns = await supervisor.page.request.get('/api/campaigns');
  const list = ((await campaigns.json()) as { campaigns: { id: number; state: string }[] }).campaigns;
  const appointments = (await (await supervisor.page.request.get('/api/appointments?limit=500')).json()) as {
    appointments: { id: number; campaign_id: number; rep_id: number; rep_name: string; company_name: string; person_name: string; ends_at: string }[];
  };
  // The newest with that company and rep (the demo has appointments of its own).
  const booked = appointments.appointments.filter((a) => a.company_name === company && a.rep_name === rep).sort((a, b) => b.id - a.id)[0];
  expect(booked, `an appointment with ${company} for ${rep}`).toBeTruthy();
  expect(list.some((c) => c.id === booked!.campaign_id)).toBe(true);
  await supervisor.page.goto(`/campaigns/${booked!.campaign_id}#appointments`);
  const table = supervisor.page.getByRole('table', { name: 'Appointments' });
  const row = table.getByRole('row').filter({ hasText: booked!.person_name }).filter({ hasText: company });
  await expect(row.first()).toContainText(rep);
  await expect(row.first()).toContainText('booked');
  await supervisor.page.getByRole('heading', { name: 'Appointments', exact: true }).scrollIntoViewIfNeeded();
  await supervisor.page.screenshot({ path: path.join(DIR, 'campaign-appointments-en.png') });

  // The admin issues the rep's feed on the client page; subscribing to it shows the appointment.
  const admin = await desks.open(browser, 'admin');
  const clientId = ((await (await admin.page.request.get(`/api/campaigns/${booked!.campaign_id}`)).json()) as { client_id: number }).client_id;
  await admin.page.goto(`/clients/${clientId}`);
  // A trade fair blocked by hand on the rep's clock.
  await admin.page.getByRole('button', { name: `Blocked times: ${rep}` }).click();
  const blockedDialog = admin.page.getByRole('dialog', { name: `Blocked times of ${rep}` });
  await blockedDialog.getByRole('button', { name: '+ Add blocked time' }).click();
  await blockedDialog.getByLabel('From').fill('2027-01-04T08:00');
  await blockedDialog.getByLabel('Until').fill('2027-01-05T18:00');
  await blockedDialog.getByLabel(/^What/).fill('Messe Hannover');
  await admin.page.screenshot({ path: path.join(DIR, 'rep-blocked-times-en.png') });
  await blockedDialog.getByRole('button', { name: 'Save' }).click();
  await expect(blockedDialog).toHaveCount(0);
  await expect(admin.page.getByRole('status').filter({ hasText: '1 blocked times saved' })).toBeVisible();
  const repId = appointments.appointments.find((a) => a.id === booked!.id)!.rep_id;
  const stored = (await (await admin.page.request.get(`/api/reps/${repId}/blocked-times`)).json()) as { blocked_times: { title: string }[] };
  expect(stored.blocked_times.map((b) => b.title)).toEqual(['Messe Hannover']);
  await admin.page.getByRole('button', { name: `Calendar feed: ${rep}` }).click();
  const feedDialog = admin.page.getByRole('dialog', { name: `Calendar feed for ${rep}` });
  const url = await feedDialog.getByRole('textbox').inputValue();
  expect(url).toMatch(/\/api\/reps\/\d+\/calendar\.ics\?token=/);
  await admin.page.screenshot({ path: path.join(DIR, 'rep-feed-en.png') });
  const subscriber = await playwrightRequest.newContext();
  try {
    const feed = await subscriber.get(url);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain(`UID:appointment-${booked!.id}@`);
  } finally {
    await subscriber.dispose();
  }
  for (const desk of [agent, supervisor, admin]) await desk.context.close();

  // The person opens the link in the confirmation mail: nothing happens until the button is pressed.
  const id = booked!.id;
  const confirmation = await desks.mail.waitFor((mail) => linksIn(mail).some((link) => claimOf(link) === `appointment/${id}/confirm/0`));
  const confirmPath = linksIn(confirmation).find((link) => claimOf(link) === `appointment/${id}/confirm/0`)!;
  const person = await browser.newContext({ baseURL: desks.server.url, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const personPage = await person.newPage();
  await personPage.goto(confirmPath);
  await chooseLanguage(personPage, 'de');
  await expect(personPage.getByRole('heading', { name: 'Ihr Termin' })).toBeVisible();
  await expect(personPage.getByTestId('link-state')).toHaveText('gebucht');
  await expect(personPage.getByText(rep)).toBeVisible();
  await personPage.screenshot({ path: path.join(DIR, 'link-confirm-de.png') });
  await personPage.getByRole('button', { name: 'Termin bestätigen' }).click();
  await expect(personPage.getByText('Vielen Dank – der Termin ist bestätigt.')).toBeVisible();
  await expect(personPage.getByTestId('link-state')).toHaveText('bestätigt');
  await personPage.screenshot({ path: path.join(DIR, 'link-confirmed-de.png') });
  await person.close();

  // After the date: supervision records a no-show on the campaign page.
  await desks.advance(Math.ceil((Date.parse(booked!.ends_at) - desks.now.getTime()) / 60_000) + 10);
  const later = await desks.open(browser, 'supervisor');
  await later.page.goto(`/campaigns/${booked!.campaign_id}#appointments`);
  const listed = later.page.getByRole('table', { name: 'Appointments' }).getByRole('row').filter({ hasText: booked!.person_name }).filter({ hasText: company });
  await expect(listed).toContainText('confirmed');
  await expect(later.page.getByRole('group', { name: 'Whole campaign' })).toBeVisible();
  await listed.getByRole('button', { name: /^Record outcome/ }).click();
  const outcome = later.page.getByRole('dialog', { name: /^How it went/ });
  await outcome.getByRole('radio', { name: /^No-show/ }).check();
  await expect(outcome).toContainText('gets a callback');
  await later.page.screenshot({ path: path.join(DIR, 'appointment-outcome-en.png') });
  await outcome.getByRole('button', { name: 'Record' }).click();
  await expect(outcome).toHaveCount(0);
  await expect(later.page.getByRole('status').filter({ hasText: 'No-show recorded' })).toBeVisible();
  await expect(listed).toContainText('no-show');
  await later.page.getByRole('figure', { name: /^Confirmation, no-show/ }).scrollIntoViewIfNeeded();
  await later.page.screenshot({ path: path.join(DIR, 'appointment-rates-en.png') });
  await later.context.close();

  // The agent who set it has the callback, due now, to find a new date.
  const back = await desks.open(browser, 'agent');
  await back.page.goto('/workspace');
  const due = back.page.getByRole('region', { name: 'Callbacks due' });
  await expect(due).toContainText(booked!.person_name);
  await back.context.close();
});
