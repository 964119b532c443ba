import { expect, test } from '@playwright/test';
import { apiSignInAs } from '../support/api';
import { demoUser } from '../support/credentials';
import { itemAt } from '../support/present';
import { chooseLanguage, mainNav, rowWith, signInUI } from '../support/ui';

test('an agent searches a contact by phone, opens it and blocks it with one click', async ({ page }) => {
  // A contact of its own, so blocking it touches no demo prospect.
  const admin = await apiSignInAs('admin');
  const run = Date.now().toString(36);
  const suffix = String(950 + (Date.now() % 49));
  try {
    const clients = (await (await admin.api.get('/api/clients')).json()) as { clients: { id: number }[] };
    const created = await admin.api.post('/api/contacts', {
      data: {
        client_id: itemAt(clients.clients, 0, 'demo clients').id,
        first_name: 'Bruno',
        last_name: `Browsertest ${run}`,
        phones: [`030 23125 ${suffix}`],
        company: { name: `Browserfirma ${run} GmbH` },
      },
      headers: { 'X-CSRF-Token': admin.csrf },
    });
    expect(created.status(), await created.text()).toBe(201);
  } finally {
    await admin.dispose();
  }

  const agent = demoUser('agent');
  await signInUI(page, agent.email, agent.password);
  await chooseLanguage(page, 'en');
  await mainNav(page).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill(`+49 (30) 23125-${suffix}`);
  const row = rowWith(page, `Browsertest ${run}`);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`Browserfirma ${run} GmbH`);
  await row.getByRole('link', { name: `Bruno Browsertest ${run}` }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Bruno Browsertest ${run}` })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Phone numbers' })).toContainText(`+493023125${suffix}`);
  await expect(page.getByRole('button', { name: 'Erase' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Block (objection)' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Block (objection)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is blocked' })).toBeVisible();
  await expect(page.getByText('Blocked', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Block (objection)' })).toHaveCount(0);
});
