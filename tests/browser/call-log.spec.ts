import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { Desks } from '../support/desk';
import { present } from '../support/present';
import { chooseLanguage } from '../support/ui';

// A supervisor reads a campaign's call log on the campaign page: the demo's corrected entry struck through and linked
// to its correction, the chain verified, a filter; then corrects an entry by keyboard (a missing reason stays in the
// browser) and sees the correction at the top and the entry struck through. On a server of its own, so that the log
// holds exactly the demo's calls and what this test adds.

const DIR = path.join(import.meta.dirname, '..', 'results', 'screenshots');

const desks = Desks.perFile();

/** The region as on the whole page, so that the sticky header does not cover its top. */
async function shoot(region: Locator, file: string): Promise<void> {
  const box = present(await region.boundingBox(), 'the region on the page');
  const scrollY = await region.page().evaluate(() => window.scrollY);
  await region.page().screenshot({ path: path.join(DIR, file), fullPage: true, clip: { ...box, y: box.y + scrollY } });
}

test('the supervisor reads, verifies and corrects the call log of a campaign', async ({ browser }) => {
  test.setTimeout(120_000);
  mkdirSync(DIR, { recursive: true });
  // The demo's first active campaign: six calls and a correction (entry 6 corrects entry 5).
  const admin = await desks.server.signIn('admin');
  let campaignId = 0;
  try {
    const { campaigns } = (await (await admin.api.get('/api/campaigns')).json()) as { campaigns: { id: number; state: string }[] };
    campaignId = present(campaigns.filter((c) => c.state === 'active').sort((a, b) => a.id - b.id)[0], 'an active demo campaign').id;
  } finally {
    await admin.dispose();
  }

  const { context, page } = await desks.open(browser, 'supervisor');
  await page.goto(`/campaigns/${campaignId}`);
  const section = page.getByRole('region', { name: 'Call log' });
  const table = section.getByRole('table', { name: 'Call log' });
  const rows = table.getByRole('row');
  const row = (seq: number) => rows.filter({ has: page.locator(`#call-log-entry-${seq}`) });
  await expect(rows).toHaveCount(8);
  await expect(rows.nth(1).locator('#call-log-entry-7')).toBeVisible();
  await expect(section.getByRole('navigation', { name: 'Call log pages' })).toContainText('Entries 1–7 of 7');

  // The demo's corrected entry: struck through, and its link leads to the correction.
  await expect(row(5)).toHaveClass(/row--corrected/);
  await expect(row(5).locator('.call-log__struck').first()).toHaveCSS('text-decoration-line', 'line-through');
  await expect(row(6)).not.toHaveClass(/row--corrected/);
  await expect(row(6)).toContainText('corrects no. 5');
  await expect(row(5).getByRole('button', { name: /^Correct entry/ })).toHaveCount(0);
  await row(5).getByRole('button', { name: 'Entry no. 5 was corrected by entry no. 6: show it' }).click();
  await expect(page.locator('#call-log-entry-6')).toBeFocused();

  // The chain checked on the server; the download is a link to it.
  await section.getByRole('button', { name: 'Verify chain' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'The chain is intact' })).toContainText('7 entries checked');
  await expect(section.getByRole('link', { name: 'Download chain' })).toHaveAttribute('href', `/api/campaigns/${campaignId}/ledger`);

  // A filter narrows the table; resetting shows all again.
  await section.getByRole('combobox', { name: 'Outcome' }).selectOption('voicemail');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Voicemail');
  await expect(section.getByRole('navigation', { name: 'Call log pages' })).toContainText('Entries 1–1 of 1');
  await section.getByRole('button', { name: 'Reset filters' }).click();
  await expect(rows).toHaveCount(8);

  // Entry 4 (the callback) was in truth a wrong number: corrected by keyboard.
  const correct = row(4).getByRole('button', { name: 'Correct entry no. 4' });
  await correct.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Correct entry no. 4' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Recorded: Callback');
  const outcome = dialog.getByRole('combobox', { name: 'Right outcome' });
  await expect(outcome).toBeFocused();
  const choices = await outcome.locator('option').allTextContents();
  expect(choices).toContain('Wrong number');
  expect(choices).not.toContain('Callback');
  expect(choices).not.toContain('Objection (block)');
  await outcome.selectOption({ label: 'Wrong number' });
  // Without a reason the dialog stays, the reason field invalid and focused.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Append correction' })).toBeFocused();
  await page.keyboard.press('Enter');
  const why = dialog.getByRole('textbox', { name: 'Why is the entry corrected?' });
  await expect(why).toHaveAttribute('aria-invalid', 'true');
  await expect(why).toBeFocused();
  await page.keyboard.type('Die Nummer gehört zu einer anderen Firma; der Rückruf war ein Versehen.');
  await page.screenshot({ path: path.join(DIR, 'call-log-correct-en.png') });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Append correction' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);

  // The correction is the newest entry and has the focus; the entry it corrects is struck through and links to it.
  await expect(section.getByRole('status').filter({ hasText: 'Saved:' })).toContainText('entry no. 8 corrects entry no. 4');
  await expect(rows).toHaveCount(9);
  await expect(page.locator('#call-log-entry-8')).toBeFocused();
  await expect(rows.nth(1)).toContainText('Wrong number');
  await expect(rows.nth(1)).toContainText('corrects no. 4');
  await expect(rows.nth(1)).toContainText('Die Nummer gehört zu einer anderen Firma');
  await expect(rows.nth(1)).toContainText(desks.user('supervisor').name);
  await expect(rows.nth(1)).toContainText('correction of');
  await expect(row(4)).toHaveClass(/row--corrected/);
  await expect(row(4)).toContainText('corrected by no. 8');
  await expect(row(4)).toContainText('Callback');
  await expect(row(4).getByRole('button', { name: /^Correct entry/ })).toHaveCount(0);
  await section.getByRole('button', { name: 'Verify chain' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'The chain is intact' })).toContainText('8 entries checked');
  await shoot(section, 'campaign-call-log-en.png');

  // The same in German.
  await chooseLanguage(page, 'de');
  const sectionDe = page.getByRole('region', { name: 'Anrufprotokoll' });
  await expect(sectionDe.getByRole('table', { name: 'Anrufprotokoll' }).getByRole('row').nth(1)).toContainText('korrigiert Nr. 4');
  await expect(sectionDe.getByRole('button', { name: 'Kette prüfen' })).toBeVisible();
  await shoot(sectionDe, 'campaign-call-log-de.png');

  // Live: a correction appended in another session shows on the open page without a reload.
  const elsewhere = await desks.server.signIn('supervisor');
  try {
    const found = (await (await elsewhere.api.get(`/api/campaigns/${campaignId}/attempts?seq=7`)).json()) as {
      attempts: { id: number; outcome: string }[];
    };
    const entry = present(found.attempts[0], 'entry no. 7');
    const response = await elsewhere.api.post(`/api/call-attempts/${entry.id}/corrections`, {
      headers: { 'X-CSRF-Token': elsewhere.csrf },
      data: { outcome: entry.outcome === 'wrong_number' ? 'busy' : 'wrong_number', note: 'Nachgetragen am Nebenplatz' },
    });
    expect(response.status()).toBe(201);
  } finally {
    await elsewhere.dispose();
  }
  const rowsDe = sectionDe.getByRole('table', { name: 'Anrufprotokoll' }).getByRole('row');
  await expect(rowsDe.nth(1)).toContainText('korrigiert Nr. 7', { timeout: 15_000 });
  await expect(rowsDe).toHaveCount(10);
  await context.close();
});
