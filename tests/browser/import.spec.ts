import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { createClient } from '../support/api';
import { demoUser } from '../support/credentials';
import { chooseLanguage, signInUI } from '../support/ui';

// The import wizard in the browser: upload, preview, mapping, run with progress, summary and the rejects report.

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'import');

async function signInAsProjectManager(page: Page): Promise<void> {
  const pm = demoUser('project_manager');
  await signInUI(page, pm.email, pm.password);
  await chooseLanguage(page, 'en');
}

/** The value shown beside a term of the import's result. */
function count(page: Page, term: string) {
  return page.getByRole('region', { name: 'Result' }).locator(`dt:text-is("${term}") + dd`);
}

test('a project manager imports a list from the client page: preview, mapping, progress, summary, rejects report', async ({ page }) => {
  const client = await createClient('Importassistent');
  await signInAsProjectManager(page);
  await page.goto(`/clients/${client.id}`);
  await expect(page.getByRole('table', { name: 'Imports' })).toContainText('No imports yet.');
  await page.getByRole('link', { name: 'Import a list' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import contacts' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Client' })).toHaveValue(String(client.id));

  await page.getByLabel('Contact list (CSV or TSV)').setInputFiles(path.join(fixtures, 'wizard-callback-column.csv'));
  await page.getByRole('button', { name: 'Upload' }).click();

  // The preview: how the file is read, its first rows and the suggested mapping.
  await expect(page.getByRole('combobox', { name: 'Encoding' })).toHaveValue('UTF-8');
  await expect(page.getByRole('combobox', { name: 'Delimiter' })).toHaveValue('semicolon');
  const rows = page.getByRole('table', { name: 'First rows' });
  await expect(rows.getByRole('columnheader')).toHaveText(['Firma', 'Vorname', 'Nachname', 'Telefon', 'Rückrufnummer', 'E-Mail']);
  await expect(rows.getByRole('row')).toHaveCount(5);
  await expect(rows).toContainText('0171 7001002');
  await expect(page.getByRole('combobox', { name: 'Field for column “Firma”' })).toHaveValue('company_name');
  await expect(page.getByRole('combobox', { name: 'Field for column “Telefon”' })).toHaveValue('phone');
  await expect(page.getByRole('combobox', { name: 'Field for column “E-Mail”' })).toHaveValue('email');
  const callback = page.getByRole('combobox', { name: 'Field for column “Rückrufnummer”' });
  await expect(callback).toHaveValue('ignore');

  // Choosing a field twice is refused at the column before anything runs.
  await callback.selectOption('phone');
  await expect(page.getByText('This field is chosen for another column too.')).toHaveCount(2);
  // Bernd Berg has only a mobile number, in the column the suggestion ignored.
  await callback.selectOption('mobile');
  await expect(page.getByText('This field is chosen for another column too.')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Contacts that already exist' })).toHaveValue('skip');
  await page.getByRole('button', { name: 'Import now' }).click();

  const progress = page.getByRole('progressbar', { name: 'Import progress' });
  await expect(progress).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });
  await expect(progress).toHaveAttribute('aria-valuetext', '4 rows read');
  await expect(count(page, 'Imported')).toHaveText('3');
  await expect(count(page, 'Merged')).toHaveText('0');
  await expect(count(page, 'Skipped (duplicates)')).toHaveText('0');
  await expect(count(page, 'Skipped (block list)')).toHaveText('0');
  await expect(count(page, 'Rejected')).toHaveText('1');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download rejected rows (CSV)' }).click()]);
  const report = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(report[0]).toBe('line;reason;field;message;row');
  expect(report).toHaveLength(2);
  // Clara Christ's row, the fourth line of the file counting the header, with its unusable e-mail address.
  expect(report[1]).toMatch(/^4;[^;]*;email;/);
  expect(report[1]).toContain('kein-at-zeichen');

  // The history lists the import, and the imported contacts are there.
  const history = page.getByRole('table', { name: 'Imports' });
  await expect(history.getByRole('row').filter({ hasText: 'wizard-callback-column.csv' })).toContainText('Done');
  await page.goto(`/contacts`);
  await page.getByRole('combobox', { name: 'Client' }).selectOption({ label: client.name });
  await page.getByRole('searchbox', { name: 'Search' }).fill('Bernd Berg');
  await expect(page.getByRole('row').filter({ hasText: 'Beta Assistent GmbH' })).toContainText('+491717001002');
});

test('the preview names the line a file cannot be read past, and the delimiter can be overridden', async ({ page }) => {
  const client = await createClient('Importvorschau');
  await signInAsProjectManager(page);
  await page.goto(`/contacts`);
  await page.getByRole('link', { name: 'Import a list' }).click();
  await page.getByRole('combobox', { name: 'Client' }).selectOption({ label: client.name });
  await page.getByLabel('Contact list (CSV or TSV)').setInputFiles(path.join(fixtures, 'unclosed-quote.csv'));
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'cannot be read completely' })).toContainText('line 3');

  // Read with commas, the whole line is one column.
  await expect(page.getByRole('table', { name: 'First rows' }).getByRole('columnheader')).toHaveCount(4);
  await page.getByRole('combobox', { name: 'Delimiter' }).selectOption('comma');
  await expect(page.getByRole('combobox', { name: 'Delimiter' })).toHaveValue('comma');
  await expect(page.getByRole('table', { name: 'First rows' }).getByRole('columnheader')).toHaveText(['Firma;Vorname;Nachname;Telefon']);
});
