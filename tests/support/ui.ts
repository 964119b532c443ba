import { expect, type Page } from '@playwright/test';

/** Signs in through the sign-in page and waits for the signed-in shell. */
export async function signInUI(page: Page, email: string, password: string): Promise<void> {
  if (!page.url().includes('/signin')) await page.goto('/signin');
  await page.getByLabel(/^(Email|E-Mail)$/).fill(email);
  await page.getByLabel(/^(Password|Passwort)$/).fill(password);
  await page.getByLabel(/^(Password|Passwort)$/).press('Enter');
  await expect(page.getByRole('button', { name: /^(Sign out|Abmelden)$/ })).toBeVisible();
}

/** Switches the interface language with the header (or sign-in page) select. */
export async function chooseLanguage(page: Page, locale: 'de' | 'en'): Promise<void> {
  const select = page.getByRole('combobox', { name: /^(Language|Sprache)$/ });
  if ((await select.inputValue()) !== locale) await select.selectOption(locale);
}

export async function signOutUI(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Sign out|Abmelden)$/ }).click();
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole('button', { name: /^(Sign in|Anmelden)$/ })).toBeVisible();
}

export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: /^(Main navigation|Hauptnavigation)$/ });
}

/** The visible texts of the main navigation links, in order. */
export async function navLabels(page: Page): Promise<string[]> {
  const links = mainNav(page).getByRole('link');
  await expect(links.first()).toBeVisible();
  return (await links.allTextContents()).map((text) => text.trim());
}

/** The row of a table that contains `text` (e.g. an email address). */
export function rowWith(page: Page, text: string) {
  return page.getByRole('row').filter({ hasText: text });
}
