import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { Desks, nextLead } from '../support/desk';
import { chooseLanguage } from '../support/ui';

// An agent hands a person's question to second level from the call (E), with urgency and the time promised to the
// person; the supervisor (the demo's specialist of every campaign) has the Second level page open and sees it come
// in without a reload. The server's clock moves past the promise: the row is marked overdue. The supervisor calls
// back and records it, and that call is among the lead's earlier calls. Each row names the person's company, numbers
// and local time. On a server of its own: the clock moves.

const DIR = path.join(import.meta.dirname, '..', 'results', 'screenshots');

const desks = Desks.perFile();

/** The card's person without salutation and title, as escalations name them: "Herr Dr. Jan Roth" → "Jan Roth". */
async function personOnCard(page: Page): Promise<string> {
  const heading = (await page.getByRole('region', { name: 'Lead card' }).getByRole('heading', { level: 2 }).textContent()) ?? '';
  return heading.replace(/^(Herr|Frau) /, '').replace(/^(Dr\.|Prof\.( Dr\.)?) /, '').trim();
}

test('an escalation goes from the call to second level, turns overdue and is answered by a recorded call back', async ({ browser }) => {
  test.setTimeout(180_000);
  mkdirSync(DIR, { recursive: true });
  const supervisor = await desks.open(browser, 'supervisor');
  const board = supervisor.page;
  await board.goto('/second-level');
  await expect(board.getByRole('heading', { level: 1, name: 'Second level' })).toBeVisible();
  const queue = board.getByRole('table', { name: 'Open escalations' });
  await expect(queue).toContainText('No open escalation.');

  const agent = await desks.open(browser, 'agent');
  const page = agent.page;
  const agentName = desks.user('agent').name;
  await page.goto('/workspace');
  await nextLead(page);
  const person = await personOnCard(page);
  await expect(page.getByRole('button', { name: /^Escalate/ })).toHaveAttribute('aria-keyshortcuts', 'E');

  // E opens the dialog; an empty question stays in the browser, a time outside the calling windows comes back from
  // the server at its field.
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog', { name: /to second level$/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Hand to second level' }).click();
  await expect(dialog.getByRole('textbox', { name: /^Question/ })).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('textbox', { name: /^Question/ }).fill('Gilt der Rahmenvertrag auch für die Schweizer Tochter?');
  await dialog.getByRole('radio', { name: 'High' }).check();
  const when = dialog.getByLabel(/^Answer promised for \(their time, Europe\/Berlin\)/);
  const today = (await when.inputValue()).slice(0, 10);
  await when.fill(`${today}T22:30`);
  await dialog.getByRole('button', { name: 'Hand to second level' }).click();
  await expect(dialog.locator('.field__error')).toContainText("outside the campaign's calling times");
  await expect(when).toHaveAttribute('aria-invalid', 'true');
  // An hour ahead, in their time and the agent's.
  await dialog.getByRole('button', { name: 'in 1 h' }).click();
  await expect(dialog).toContainText('For them:');
  await expect(dialog).toContainText('For you:');
  await page.screenshot({ path: path.join(DIR, 'workspace-escalate-en.png') });
  await dialog.getByRole('button', { name: 'Hand to second level' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'went to second level' })).toContainText(`The question of ${person}`);
  await expect(page.getByRole('status').filter({ hasText: 'went to second level' })).toContainText(/Answer promised for .+ their time \(Europe\/Berlin\)/);

  // The agent ends the call (the person was reached); second level may call back only once no agent is on the line.
  await page.keyboard.press('5');
  await expect(page.getByRole('status').filter({ hasText: /recorded for/ })).toContainText('Decision maker reached');

  // The board shows it without a reload: who, what, how urgent, by when, raised by whom — not overdue yet.
  const row = queue.getByRole('row').filter({ hasText: person });
  await expect(row).toBeVisible({ timeout: 10_000 });
  await expect(row).toContainText('Gilt der Rahmenvertrag auch für die Schweizer Tochter?');
  await expect(row).toContainText('High');
  await expect(row).toContainText(agentName);
  await expect(row).toContainText('their time (Europe/Berlin)');
  await expect(row).toContainText('your time (Europe/Berlin)');
  // What calling back needs is in the row: the company, the numbers to dial and the time there now.
  await expect(row).toContainText(/It is \d\d:\d\d there \(Europe\/Berlin\)/);
  await expect(row.getByRole('link', { name: /^\+49\d+$/ }).first()).toHaveAttribute('href', /^tel:\+49\d+$/);
  await expect(row).toContainText(/GmbH|AG|KG/);
  await expect(row).not.toContainText('overdue');
  await expect(row).not.toHaveClass(/row--overdue/);

  // Ninety minutes later the promise has passed: marked in words and in colour, counted in the header.
  await desks.advance(90, agent.context, supervisor.context);
  await expect(row).toContainText('overdue', { timeout: 10_000 });
  await expect(row).toHaveClass(/row--overdue/);
  await expect(board.locator('.page-header').getByText('1 overdue')).toBeVisible();
  await board.screenshot({ path: path.join(DIR, 'second-level-en.png'), fullPage: true });

  // The supervisor calls back and records it: the escalation leaves the queue, the call is in the lead's history.
  await row.getByRole('button', { name: `Resolve the question of ${person}` }).click();
  const resolve = board.getByRole('dialog', { name: `Call back ${person}` });
  await expect(resolve).toContainText('Gilt der Rahmenvertrag auch für die Schweizer Tochter?');
  await expect(resolve.getByLabel(/^Number called/)).toHaveValue(/^\+49\d+$/);
  await expect(resolve.getByLabel(/^Outcome of the call/)).toHaveValue('decision_maker');
  await resolve.getByLabel(/^Answer given and notes/).fill('Ja, der Rahmenvertrag gilt auch für die Schweizer Tochter.');
  await board.screenshot({ path: path.join(DIR, 'second-level-resolve-en.png') });
  await resolve.getByRole('button', { name: 'Record the call back' }).click();
  await expect(resolve).toHaveCount(0);
  await expect(board.getByRole('status').filter({ hasText: 'the escalation is resolved' })).toContainText(`Call back recorded for ${person}`);
  await expect(queue).toContainText('No open escalation.');
  const history = board.getByRole('region', { name: `Earlier calls with ${person}` });
  const latest = history.getByRole('table', { name: 'Earlier attempts' }).getByRole('row').nth(1);
  await expect(latest).toContainText('Ja, der Rahmenvertrag gilt auch für die Schweizer Tochter.');
  await expect(latest).toContainText('Decision maker reached');
  await expect(latest).toContainText('by you');
  await expect(history.getByRole('table', { name: 'Earlier attempts' })).toContainText(/by colleague #\d+/);

  // Resolved is resolved: the agent's next escalation, in German, shows on the German board as not overdue.
  await chooseLanguage(page, 'de');
  await chooseLanguage(board, 'de');
  await page.getByRole('button', { name: /^Nächster/ }).click();
  await expect(page.getByRole('region', { name: 'Kontaktkarte' })).toBeVisible();
  await page.getByRole('button', { name: /^Eskalieren/ }).click();
  const dialogDe = page.getByRole('dialog', { name: /an den Second Level$/ });
  await dialogDe.getByRole('textbox', { name: /^Frage/ }).fill('Welche Kündigungsfrist hat der Wartungsvertrag?');
  await dialogDe.getByRole('radio', { name: 'Kritisch' }).check();
  await dialogDe.getByRole('button', { name: 'in 2 Std.' }).click();
  await expect(dialogDe).toContainText('Für Sie:');
  await page.screenshot({ path: path.join(DIR, 'workspace-escalate-de.png') });
  await dialogDe.getByRole('button', { name: 'An Second Level geben' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'ist beim Second Level' })).toBeVisible();
  const queueDe = board.getByRole('table', { name: 'Offene Eskalationen' });
  await expect(queueDe.getByRole('row').filter({ hasText: 'Kündigungsfrist' })).toContainText('Kritisch', { timeout: 10_000 });
  await expect(queueDe.getByRole('row').filter({ hasText: 'Kündigungsfrist' })).not.toContainText('überfällig');
  await expect(queueDe.getByRole('row').filter({ hasText: 'Kündigungsfrist' })).toContainText(/Dort ist es \d\d:\d\d Uhr \(Europe\/Berlin\)/);
  await board.screenshot({ path: path.join(DIR, 'second-level-de.png'), fullPage: true });

  await agent.context.close();
  await supervisor.context.close();
});
