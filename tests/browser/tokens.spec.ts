import { expect, test } from '@playwright/test';
import { credentials, demoUser } from '../support/credentials';
import { chooseLanguage, rowWith, signInUI } from '../support/ui';

test('an API token created in the UI works as Bearer token until it is revoked', async ({ page, request }) => {
  const admin = demoUser('admin');
  await signInUI(page, admin.email, admin.password);
  await chooseLanguage(page, 'en');
  await page.goto('/admin/tokens');
  await expect(page.getByRole('navigation', { name: 'Administration sections' }).getByRole('link', { name: 'API tokens' })).toHaveAttribute('aria-current', 'page');

  const name = `CRM sync ${Date.now().toString(36)}`;
  await page.getByRole('button', { name: 'New API token' }).click();
  const form = page.getByRole('dialog', { name: 'New API token' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Role').selectOption('project_manager');
  await form.getByLabel(/Expires in/).fill('30');
  await form.getByRole('button', { name: 'Create' }).click();

  const secretField = page.getByRole('dialog').getByLabel(`Secret of API token “${name}”`);
  const secret = await secretField.inputValue();
  expect(secret.length).toBeGreaterThanOrEqual(16);
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).last().click();
  await expect(rowWith(page, name)).toContainText('Active');

  const auth = { Authorization: `Bearer ${secret}` };
  const ok = await request.get('/api/agency', { headers: auth });
  expect(ok.status()).toBe(200);
  expect(((await ok.json()) as { name: string }).name).toBe(credentials().agency);

  await rowWith(page, name).getByRole('button', { name: 'Revoke' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
  await expect(rowWith(page, name)).toContainText('Revoked');

  const refused = await request.get('/api/agency', { headers: auth });
  expect(refused.status()).toBe(401);
  const body = (await refused.json()) as { error: { code: string } };
  expect(body.error.code).toBe('unauthenticated');
});

test('the audit log lists recent actions, newest first, and loads more', async ({ page }) => {
  const admin = demoUser('admin');
  await signInUI(page, admin.email, admin.password);
  await chooseLanguage(page, 'en');
  await page.getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  const table = page.getByRole('table', { name: 'Audit log' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  // the admin's own sign-in is among the newest entries; the list runs from new to old
  // (ordered by entry id, so neighbours may differ by a second in their time stamps)
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await expect(table).toContainText(admin.name);
  const times = await table.locator('tbody time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime') ?? ''));
  expect(Date.parse(times[0] ?? '')).toBeGreaterThanOrEqual(Date.parse(times[times.length - 1] ?? ''));
  const more = page.getByRole('button', { name: 'Load more' });
  if (await more.isVisible()) {
    const before = await table.locator('tbody tr').count();
    await more.click();
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(before);
  }
});
