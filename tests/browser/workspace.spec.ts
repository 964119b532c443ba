import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { Desks, nextLead } from '../support/desk';
import { chooseLanguage } from '../support/ui';

// The agent works the queue by keyboard on a server of its own whose clock the test moves: briefings first, a
// lead with no answer, a personal callback two hours ahead, and two hours later that callback comes back first.
// A supervisor watches in a second browser, and the board follows the agent without a reload.

const DIR = path.join(import.meta.dirname, '..', 'results', 'screenshots');

const desks = Desks.perFile();

test('an agent works the queue by keyboard, a promised callback comes back first, supervision follows live', async ({ browser }) => {
  test.setTimeout(180_000);
  mkdirSync(DIR, { recursive: true });
  const agent = await desks.open(browser, 'agent');
  const page = agent.page;
  const agentName = desks.user('agent').name;
  const card = page.getByRole('region', { name: 'Lead card' });
  const notice = page.getByRole('status').filter({ hasText: /recorded for/ });

  await page.goto('/workspace');
  await expect(page.getByRole('heading', { level: 1, name: 'Agent workspace' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Next/ })).toBeFocused();
  await page.keyboard.press('n');

  // The demo agent has not read the briefings of its campaigns yet: the queue says so and shows them.
  await expect(page.getByRole('region', { name: 'No contact right now' })).toContainText('acknowledge the current briefing');
  const acknowledge = page.getByRole('button', { name: /^I have read version/ });
  await expect(acknowledge.first()).toBeVisible();
  for (let left = await acknowledge.count(); left > 0; left--) {
    await acknowledge.first().click();
    await expect(acknowledge).toHaveCount(left - 1);
  }
  await page.keyboard.press('n');
  await expect(card).toBeVisible();

  // The card: a number to dial, the caller ID, both clocks, the script.
  const firstPerson = (await card.getByRole('heading', { level: 2 }).textContent()) ?? '';
  await expect(card.getByRole('link', { name: /^Dial \+49/ }).first()).toHaveAttribute('href', /^tel:\+49\d+$/);
  await expect(card).toContainText(/You are calling as \+49\d+/);
  await expect(card).toContainText('Their local time');
  await expect(card).toContainText('(Europe/Berlin)');
  await expect(page.getByRole('region', { name: 'Script' })).toBeVisible();
  await expect(page.getByRole('timer', { name: 'Talk time' })).toHaveText('0:00');

  // D dials the first number and starts the timer; / writes the note; 1 records "no answer".
  await page.keyboard.press('d');
  await expect(page.getByRole('timer', { name: 'Talk time' })).not.toHaveText('0:00');
  await page.keyboard.press('/');
  await expect(page.getByLabel(/^Notes/)).toBeFocused();
  await page.keyboard.type('Sekretariat: Chef ab 14 Uhr');
  await page.keyboard.press('Escape');
  await page.screenshot({ path: path.join(DIR, 'workspace-card-en.png') });
  await page.keyboard.press('1');
  await expect(notice).toContainText(`No answer recorded for ${firstPerson.replace(/^(Herr|Frau) /, '')}`);
  await expect(notice).toContainText(/call log no\. \d+/);
  await expect(card).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Next/ })).toBeFocused();

  // The next lead: 9 asks for the callback; the server refuses a time outside the calling windows at the field.
  await page.keyboard.press('Enter');
  await expect(card).toBeVisible();
  const secondPerson = (await card.getByRole('heading', { level: 2 }).textContent()) ?? '';
  expect(secondPerson).not.toBe(firstPerson);
  await page.keyboard.press('9');
  const dialog = page.getByRole('dialog', { name: /^Callback with/ });
  await expect(dialog).toBeVisible();
  const when = dialog.getByLabel(/^Date and time \(their time, Europe\/Berlin\)/);
  const today = (await when.inputValue()).slice(0, 10);
  await when.fill(`${today}T22:30`);
  await dialog.getByRole('button', { name: 'Book callback' }).click();
  await expect(dialog.locator('.field__error')).toContainText("outside the campaign's calling times");
  await expect(when).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'in 2 h' }).click();
  await expect(dialog).toContainText('For them:');
  await expect(dialog).toContainText('For you:');
  await expect(dialog.getByRole('radio', { name: /^Personal/ })).toBeChecked();
  await page.screenshot({ path: path.join(DIR, 'workspace-callback-en.png') });
  await when.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(notice).toContainText('Callback recorded');
  await expect(notice).toContainText('The callback is booked.');

  // The supervisor opens the board in a browser of their own: the agent and today's two calls are there.
  const supervisor = await desks.open(browser, 'supervisor');
  const board = supervisor.page;
  await board.goto('/supervision');
  const agentRow = board.getByRole('table', { name: 'Agents' }).getByRole('row').filter({ hasText: agentName });
  await expect(agentRow).toBeVisible();
  await expect(agentRow.getByRole('cell').nth(3)).toHaveText('2');
  await board.evaluate(() => ((window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true));

  // Two hours later the promise falls due: Next gives it first, and the card says it is a callback.
  await desks.advance(120, agent.context, supervisor.context);
  await page.keyboard.press('n');
  await expect(card).toBeVisible();
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(secondPerson);
  await expect(card.getByRole('status')).toContainText('Callback — promised to this person.');
  await page.screenshot({ path: path.join(DIR, 'workspace-callback-due-en.png') });
  await expect(page.getByRole('table', { name: 'Earlier attempts' })).toContainText('Callback');
  await expect(agentRow.getByRole('cell').nth(1)).toContainText('On a call', { timeout: 10_000 });

  // The appointment (8), booked at the best suggested time: the board counts it without a reload.
  await page.keyboard.press('8');
  const booking = page.getByRole('dialog', { name: /^Appointment with/ });
  await booking.getByRole('button', { name: 'Book appointment' }).click();
  await expect(booking).toHaveCount(0);
  await expect(notice).toContainText('Appointment recorded');
  await expect(agentRow.getByRole('cell').nth(3)).toHaveText('3', { timeout: 10_000 });
  await expect(agentRow.getByRole('cell').nth(6)).toHaveText('1', { timeout: 10_000 });
  expect(await board.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
  const campaigns = board.getByRole('table', { name: 'Campaigns today' });
  await expect(campaigns.getByRole('row')).not.toHaveCount(1);
  await expect(board.getByRole('figure', { name: /Calls, reached, appointments today/ })).toBeVisible();
  await board.screenshot({ path: path.join(DIR, 'supervision-en.png') });

  // The same two pages in German, the workspace with the next lead on it.
  await chooseLanguage(page, 'de');
  await page.getByRole('button', { name: /^Nächster/ }).click();
  await expect(page.getByRole('region', { name: 'Kontaktkarte' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Kontaktkarte' })).toContainText('Sie rufen an als +49');
  await page.screenshot({ path: path.join(DIR, 'workspace-card-de.png') });
  await chooseLanguage(board, 'de');
  const agentRowDe = board.getByRole('table', { name: 'Agenten' }).getByRole('row').filter({ hasText: agentName });
  await expect(agentRowDe.getByRole('cell').nth(1)).toContainText('Im Gespräch', { timeout: 10_000 });
  await board.screenshot({ path: path.join(DIR, 'supervision-de.png') });

  await supervisor.context.close();
  await agent.context.close();
});

test('skip, not interested with its reason, an objection after asking, pause; the supervisor reassigns a callback', async ({ browser }) => {
  test.setTimeout(180_000);
  const agent = await desks.open(browser, 'agent', 1);
  const page = agent.page;
  const agentName = desks.user('agent', 1).name;
  const colleagueName = desks.user('agent').name;
  const card = page.getByRole('region', { name: 'Lead card' });
  const notice = page.getByRole('status').filter({ hasText: /recorded for/ });
  await page.goto('/workspace');
  await nextLead(page);

  // S gives the lead back uncalled.
  await page.keyboard.press('s');
  await expect(page.getByRole('status').filter({ hasText: 'went back to the queue uncalled' })).toBeVisible();
  await expect(card).toHaveCount(0);

  // "Not interested" asks for the reason, which may not be empty.
  await nextLead(page);
  await page.keyboard.press('-');
  const reason = page.getByRole('dialog', { name: /is not interested$/ });
  await reason.getByRole('button', { name: 'Record' }).click();
  await expect(reason.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');
  await expect(reason).toContainText('Please fill in this field.');
  await reason.getByLabel('Reason').fill('Kein Bedarf, Wartung macht der Hersteller');
  await reason.getByLabel('Reason').press('Enter');
  await expect(notice).toContainText('Not interested recorded');

  // An objection blocks the person for good: only after asking.
  await nextLead(page);
  const objector = (await card.getByRole('heading', { level: 2 }).textContent()) ?? '';
  await page.keyboard.press('x');
  const confirm = page.getByRole('dialog', { name: 'Objection: block for good?' });
  await expect(confirm).toContainText('never called again by any campaign');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(card).toBeVisible();
  await page.keyboard.press('x');
  await confirm.getByRole('button', { name: 'Record objection and block' }).click();
  await expect(notice).toContainText(`Objection (block) recorded for ${objector.replace(/^(Herr|Frau) /, '')}`);

  // Information by e-mail: the campaign's mail as it will go out, merged for this person, to the address given.
  await nextLead(page);
  await page.keyboard.press('0');
  const mail = page.getByRole('dialog', { name: /^Send information to/ });
  const preview = mail.getByLabel('The mail as it will be sent');
  await expect(preview).toContainText('Ihre Unterlagen von');
  await expect(preview).toContainText(agentName);
  await expect(preview).not.toContainText('{{');
  await mail.getByLabel('E-mail address').fill('eva.info@kunde.example');
  await page.screenshot({ path: path.join(DIR, 'workspace-info-mail-en.png') });
  await mail.getByRole('button', { name: 'Queue mail and record' }).click();
  await expect(notice).toContainText('Information sent recorded');

  // A personal callback in half an hour: the supervision board lists it as due within the hour.
  await nextLead(page);
  const promisedTo = ((await card.getByRole('heading', { level: 2 }).textContent()) ?? '').replace(/^(Herr|Frau) /, '');
  await page.keyboard.press('9');
  const callback = page.getByRole('dialog', { name: /^Callback with/ });
  const inHalfAnHour = await page.evaluate(() =>
    new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .format(new Date(Date.now() + 30 * 60_000))
      .replace(' ', 'T'),
  );
  await callback.getByLabel(/^Date and time/).fill(inHalfAnHour);
  await callback.getByLabel(/^Date and time/).press('Enter');
  await expect(notice).toContainText('The callback is booked.');

  // P pauses: Next is off until P again.
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: /^Resume/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: /^Next/ })).toBeDisabled();

  // The colleague opens the workspace too, so the board knows two agents; the supervisor hands the callback over.
  const colleague = await desks.open(browser, 'agent', 0);
  await colleague.page.goto('/workspace');
  await expect(colleague.page.getByRole('button', { name: /^Next/ })).toBeVisible();
  const supervisor = await desks.open(browser, 'supervisor');
  const board = supervisor.page;
  await board.goto('/supervision');
  await expect(board.getByRole('table', { name: 'Agents' }).getByRole('row').filter({ hasText: agentName })).toContainText('Paused');
  const row = board.getByRole('table', { name: 'Callbacks due or overdue' }).getByRole('row').filter({ hasText: promisedTo });
  await expect(row).toContainText(agentName);
  await row.getByRole('combobox', { name: `Reassign the callback with ${promisedTo} to` }).selectOption({ label: colleagueName });
  await row.getByRole('button', { name: 'Reassign' }).click();
  await expect(row.getByRole('cell').nth(3)).toHaveText(colleagueName);

  await supervisor.context.close();
  await colleague.context.close();
  await agent.context.close();
});
