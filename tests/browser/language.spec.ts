import { expect, test } from '@playwright/test';
import { createUser } from '../support/api';
import { chooseLanguage, mainNav, signInUI } from '../support/ui';

test('the language switches between German and English and survives a reload', async ({ page, browser }) => {
  const user = await createUser('supervisor');
  await signInUI(page, user.email, user.password);

  // English from the browser language (en-US) while the user has no locale yet
  await expect(mainNav(page).getByRole('link', { name: 'Agent workspace' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  await chooseLanguage(page, 'de');
  await expect(mainNav(page).getByRole('link', { name: 'Agenten-Arbeitsplatz' })).toBeVisible();
  await expect(mainNav(page).getByRole('link', { name: 'Kampagnen' })).toBeVisible();
  await expect(mainNav(page).getByRole('link', { name: 'Kunden' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');

  await page.reload();
  await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
  await expect(mainNav(page).getByRole('link', { name: 'Agenten-Arbeitsplatz' })).toBeVisible();

  // the choice is stored in the profile: a fresh browser (English) shows German after sign-in
  const fresh = await browser.newContext({ locale: 'en-US' });
  const other = await fresh.newPage();
  await other.goto('/signin');
  await expect(other.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await signInUI(other, user.email, user.password);
  await expect(other.getByRole('button', { name: 'Abmelden' })).toBeVisible();
  await fresh.close();

  // signing out keeps German on the sign-in page; switching there works before sign-in too
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
  await expect(page.getByLabel('Passwort')).toBeVisible();
  await chooseLanguage(page, 'en');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  // and back to English in the profile
  await signInUI(page, user.email, user.password);
  await chooseLanguage(page, 'en');
  await expect(mainNav(page).getByRole('link', { name: 'Agent workspace' })).toBeVisible();
});

test('a German browser starts in German', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto('/signin');
  await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
  await expect(page.getByLabel('E-Mail')).toBeVisible();
  await context.close();
});
