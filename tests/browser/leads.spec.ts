import { expect, test } from '@playwright/test';
import { apiSignInAs, createClient } from '../support/api';
import { demoUser } from '../support/credentials';
import { chooseLanguage, signInUI } from '../support/ui';

// A campaign's leads page by page (25 a page, oldest first), each linked to its contact.

const LEADS = 30;

test('the campaign page lists its leads in pages and links each to the contact', async ({ page }) => {
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const { id: clientId } = await createClient('Leadkunde');
  const admin = await apiSignInAs('admin');
  let campaignId = 0;
  try {
    const headers = { 'X-CSRF-Token': admin.csrf };
    const campaign = await admin.api.post('/api/campaigns', { data: { client_id: clientId, name: `Leadkampagne ${run}` }, headers });
    expect(campaign.status(), await campaign.text()).toBe(201);
    campaignId = ((await campaign.json()) as { id: number }).id;
    for (let i = 1; i <= LEADS; i++) {
      const n = String(i).padStart(2, '0');
      const created = await admin.api.post('/api/contacts', {
        data: {
          client_id: clientId,
          campaign_id: campaignId,
          first_name: 'Lea',
          last_name: `Lead ${n}`,
          phones: [`040 6${String(Date.now() % 100_000).padStart(5, '0')}${n}`],
          company: { name: `Leadfirma ${n} GmbH` },
        },
        headers,
      });
      expect(created.status(), await created.text()).toBe(201);
    }
  } finally {
    await admin.dispose();
  }

  const pm = demoUser('project_manager');
  await signInUI(page, pm.email, pm.password);
  await chooseLanguage(page, 'en');
  await page.goto(`/campaigns/${campaignId}`);
  await page.getByRole('navigation', { name: 'Parts of the campaign setup' }).getByRole('link', { name: 'Leads' }).click();
  const leads = page.getByRole('table', { name: 'Leads' });
  const pages = page.getByRole('navigation', { name: 'Lead pages' });

  await expect(leads.getByRole('row')).toHaveCount(26);
  await expect(leads.getByRole('row').nth(1)).toContainText('Lea Lead 01');
  await expect(leads.getByRole('row').nth(1)).toContainText('Leadfirma 01 GmbH');
  await expect(leads.getByRole('row').nth(1)).toContainText('New');
  await expect(leads.getByRole('row').nth(25)).toContainText('Lea Lead 25');
  await expect(pages).toContainText('Leads 1–25');
  await expect(pages.getByRole('button', { name: /Previous/ })).toBeDisabled();

  await pages.getByRole('button', { name: /Next/ }).click();
  await expect(pages).toContainText('Leads 26–30');
  await expect(leads.getByRole('row')).toHaveCount(6);
  await expect(leads.getByRole('row').nth(1)).toContainText('Lea Lead 26');
  await expect(leads.getByRole('row').nth(5)).toContainText('Lea Lead 30');
  await expect(pages.getByRole('button', { name: /Next/ })).toBeDisabled();

  await pages.getByRole('button', { name: /Previous/ }).click();
  await expect(pages).toContainText('Leads 1–25');
  await leads.getByRole('link', { name: 'Lea Lead 07' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lea Lead 07' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Campaigns' })).toContainText(`Leadkampagne ${run}`);
});
