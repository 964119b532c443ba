import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { apiSignInAs, createUser } from '../support/api';
import { chooseLanguage, signInUI, signOutUI } from '../support/ui';

const DIR = path.join(import.meta.dirname, '..', 'results', 'screenshots');

test('@screenshots pages in German and English', async ({ page }) => {
  test.setTimeout(240_000);
  // A tour of every page in two languages: longer than one ordinary test.
  test.setTimeout(180_000);
  mkdirSync(DIR, { recursive: true });
  // a dedicated admin, so that switching its language never affects other tests
  const admin = await createUser('admin', { name: 'Lena Leitner' });
  const agent = await createUser('agent', { name: 'Alex Anrufer' });
  // The demo's first client and its first campaign (the one with a script, briefing and staff).
  const pm = await apiSignInAs('project_manager');
  const { clients } = (await (await pm.api.get('/api/clients')).json()) as { clients: { id: number }[] };
  const clientId = clients.map((c) => c.id).sort((a, b) => a - b)[0]!;
  const { campaigns } = (await (await pm.api.get(`/api/clients/${clientId}/campaigns`)).json()) as { campaigns: { id: number }[] };
  const campaignId = campaigns.map((c) => c.id).sort((a, b) => a - b)[0]!;
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
      ['password', '/account/password'],
    ];
    for (const [name, url] of shots) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByText(/Loading…|Wird geladen…/)).toHaveCount(0);
      await page.screenshot({ path: path.join(DIR, `${name}-${locale}.png`), fullPage: true });
    }
    await page.goto('/contacts');
    await page.getByRole('link', { name: 'Markus Hartmann' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Markus Hartmann' })).toBeVisible();
    await page.screenshot({ path: path.join(DIR, `contact-${locale}.png`), fullPage: true });
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
