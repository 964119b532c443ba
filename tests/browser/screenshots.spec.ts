import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { apiSignInAs, createClient, createUser } from '../support/api';
import { itemAt } from '../support/present';
import { chooseLanguage, signInUI, signOutUI } from '../support/ui';

const DIR = path.join(import.meta.dirname, '..', 'results', 'screenshots');
const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'import');

test('@screenshots pages in German and English', async ({ page }) => {
  // A tour of every page in two languages, with an import in each: longer than one ordinary test.
  test.setTimeout(300_000);
  mkdirSync(DIR, { recursive: true });
  // a dedicated admin, so that switching its language never affects other tests
  const admin = await createUser('admin', { name: 'Lena Leitner' });
  const agent = await createUser('agent', { name: 'Alex Anrufer' });
  // The demo's first client and its first campaign (the one with a script, briefing and staff).
  const pm = await apiSignInAs('project_manager');
  const { clients } = (await (await pm.api.get('/api/clients')).json()) as { clients: { id: number }[] };
  const clientId = itemAt(clients.map((c) => c.id).sort((a, b) => a - b), 0, 'demo clients');
  const { campaigns } = (await (await pm.api.get(`/api/clients/${clientId}/campaigns`)).json()) as { campaigns: { id: number }[] };
  const campaignId = itemAt(campaigns.map((c) => c.id).sort((a, b) => a - b), 0, 'campaigns of the first demo client');
  // A client of its own for the import wizard's pages, so the demo clients keep their contacts.
  const { id: importClientId } = await createClient('Zander Bildschirmfoto');
  await pm.dispose();
  for (const locale of ['en', 'de'] as const) {
    await page.goto('/signin');
    await chooseLanguage(page, locale);
    await page.screenshot({ path: path.join(DIR, `signin-${locale}.png`), fullPage: true });

    await signInUI(page, admin.email, admin.password);
    await chooseLanguage(page, locale);
    const shots: [string, string][] = [
      ['admin-users', '/admin/users'],
      ['admin-tokens', '/admin/tokens'],
      ['admin-audit', '/admin/audit'],
      ['clients', '/clients'],
      ['contacts', '/contacts'],
      ['block-list', '/block-list'],
      ['admin-privacy', '/admin/privacy'],
      ['campaigns', '/campaigns'],
      ['client', `/clients/${clientId}`],
      ['campaign', `/campaigns/${campaignId}`],
      ['workspace', '/workspace'],
      ['second-level-admin', '/second-level'],
      ['password', '/account/password'],
    ];
    for (const [name, url] of shots) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByText(/Loading…|Wird geladen…/)).toHaveCount(0);
      await page.screenshot({ path: path.join(DIR, `${name}-${locale}.png`), fullPage: true });
    }
    // The parts of the long campaign page that changed most, each on its own.
    await page.goto(`/campaigns/${campaignId}`);
    await expect(page.getByRole('table', { name: 'Leads' })).toBeVisible();
    await page.getByRole('region', { name: 'Leads' }).screenshot({ path: path.join(DIR, `campaign-leads-${locale}.png`) });
    await page.getByRole('region', { name: /^(Script|Gesprächsleitfaden|Skript)$/ }).screenshot({ path: path.join(DIR, `campaign-script-${locale}.png`) });
    await page.goto('/contacts');
    await page.getByRole('link', { name: 'Markus Hartmann' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Markus Hartmann' })).toBeVisible();
    await page.screenshot({ path: path.join(DIR, `contact-${locale}.png`), fullPage: true });
    await page.getByRole('link', { name: /^(Edit|Bearbeiten)$/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Edit contact|Kontakt bearbeiten/ })).toBeVisible();
    await page.screenshot({ path: path.join(DIR, `contact-edit-${locale}.png`), fullPage: true });
    await page.goto('/contacts?new');
    await expect(page.getByRole('heading', { level: 1, name: /New contact|Neuer Kontakt/ })).toBeVisible();
    await page.screenshot({ path: path.join(DIR, `contact-new-${locale}.png`), fullPage: true });
    await screenshotImportWizard(page, importClientId, locale);
    await page.goto('/admin/users');
    await page.getByRole('button', { name: /New user|Neuer Benutzer/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.screenshot({ path: path.join(DIR, `admin-user-new-${locale}.png`) });
    await page.keyboard.press('Escape');
    await page.goto('/campaigns');
    await page.getByRole('button', { name: /New campaign|Neue Kampagne/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.screenshot({ path: path.join(DIR, `campaign-new-${locale}.png`) });
    await page.keyboard.press('Escape');
    await page.goto(`/clients/${clientId}`);
    await page.getByRole('button', { name: /New rep|Neuer Außendienstler/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.screenshot({ path: path.join(DIR, `rep-new-${locale}.png`) });
    await page.keyboard.press('Escape');
    await signOutUI(page);

    // What an agent sees of a campaign: the briefing to acknowledge and the script.
    await signInUI(page, agent.email, agent.password);
    await chooseLanguage(page, locale);
    await page.goto(`/campaigns/${campaignId}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText(/Loading…|Wird geladen…/)).toHaveCount(0);
    await page.screenshot({ path: path.join(DIR, `campaign-agent-${locale}.png`), fullPage: true });
    await signOutUI(page);
  }
});

/** The import wizard at each step: choosing the file, the preview with its mapping, and the result. */
async function screenshotImportWizard(page: Page, clientId: number, locale: 'de' | 'en'): Promise<void> {
  await page.goto(`/contacts/import?client=${clientId}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(/Loading…|Wird geladen…/)).toHaveCount(0);
  await page.screenshot({ path: path.join(DIR, `import-upload-${locale}.png`), fullPage: true });
  await page.getByLabel(/Contact list|Kontaktliste/).setInputFiles(path.join(FIXTURES, 'wizard-callback-column.csv'));
  await page.getByRole('button', { name: /^(Upload|Hochladen)$/ }).click();
  await expect(page.getByRole('table', { name: /First rows|Erste Zeilen/ })).toBeVisible();
  await expect(page.getByText(/Loading…|Wird geladen…/)).toHaveCount(0);
  await page.screenshot({ path: path.join(DIR, `import-preview-${locale}.png`), fullPage: true });
  await page.getByRole('combobox', { name: /Rückrufnummer/ }).selectOption('mobile');
  await page.getByRole('button', { name: /Import now|Jetzt importieren/ }).click();
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });
  await expect(page.getByRole('region', { name: /Result|Ergebnis/ })).toBeVisible();
  await page.screenshot({ path: path.join(DIR, `import-done-${locale}.png`), fullPage: true });
}
