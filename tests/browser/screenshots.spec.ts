import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createUser } from '../support/api';
import { chooseLanguage, signInUI, signOutUI } from '../support/ui';

const DIR = path.join(import.meta.dirname, '..', 'results', 'screenshots');

test('@screenshots pages in German and English', async ({ page }) => {
  // A tour of every page in two languages: longer than one ordinary test.
  test.setTimeout(180_000);
  mkdirSync(DIR, { recursive: true });
  // a dedicated admin, so that switching its language never affects other tests
  const admin = await createUser('admin', { name: 'Lena Leitner' });
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
    await signOutUI(page);
  }
});
