import { expect, test } from '@playwright/test';
import { createClient } from '../support/api';
import { demoUser } from '../support/credentials';
import { chooseLanguage, signInUI } from '../support/ui';

// Creating and editing a contact in the browser, with the server's refusals shown at the field they name.

test('a project manager creates a contact, sees a field error, and edits the contact', async ({ page }) => {
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const digits = String(Date.now() % 10_000_000).padStart(7, '0');
  const { name: clientName } = await createClient('Formularkunde');

  const pm = demoUser('project_manager');
  await signInUI(page, pm.email, pm.password);
  await chooseLanguage(page, 'en');
  await page.goto('/contacts');
  await page.getByRole('link', { name: 'New contact' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New contact' })).toBeVisible();

  // Without a client the form says so at the field, before asking the server.
  await page.getByRole('button', { name: 'Create contact' }).click();
  await expect(page.getByRole('combobox', { name: 'Client' })).toHaveAccessibleDescription('Please fill in this field.');

  await page.getByRole('combobox', { name: 'Client' }).selectOption({ label: clientName });
  await page.getByLabel('Salutation').fill('Frau');
  await page.getByLabel('First name').fill('Frieda');
  await page.getByLabel('Last name').fill(`Formular ${run}`);
  await page.getByLabel('Function').fill('Einkauf');
  await page.getByLabel('Email').fill(`frieda.${run}@formular.example`);
  await page.getByRole('textbox', { name: 'Number 1' }).fill(`030 5${digits}`);
  await page.getByLabel('Company name').fill(`Formularbau ${run} GmbH`);
  await page.getByLabel('City').fill('Berlin');
  await page.getByRole('combobox', { name: 'Legal basis' }).selectOption('presumed_b2b');
  await page.getByRole('button', { name: 'Create contact' }).click();

  // Presumed consent needs its reason: the server names the field and the form shows it there.
  const reason = page.getByLabel('Reason for presumed consent');
  await expect(reason).toHaveAccessibleDescription(/^Presumed consent \(B2B\) needs the reason in writing\./);
  await expect(reason).toBeFocused();
  await reason.fill('Bestellt regelmäßig Büromaterial; Anruf zum Rahmenvertrag erwartbar.');
  await page.getByRole('button', { name: 'Create contact' }).click();

  const name = `Frieda Formular ${run}`;
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Phone numbers' })).toContainText(`+49305${digits}`);
  await expect(page.getByRole('region', { name: 'Company' })).toContainText(`Formularbau ${run} GmbH`);
  await expect(page.getByText('Presumed consent (B2B) — Bestellt regelmäßig')).toBeVisible();

  // Edit: a new function, a second number that is no number, then a real one.
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit contact' })).toBeVisible();
  await expect(page.getByLabel('Last name')).toHaveValue(`Formular ${run}`);
  await expect(page.getByLabel('Company name')).toHaveValue(`Formularbau ${run} GmbH`);
  await page.getByLabel('Function').fill('Leitung Einkauf');
  await page.getByRole('button', { name: 'Add a number' }).click();
  await page.getByRole('textbox', { name: 'Number 2' }).fill('12');
  await page.getByRole('combobox', { name: 'Type' }).nth(1).selectOption('mobile');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('textbox', { name: 'Number 2' })).toHaveAccessibleDescription('This number is too short — is the area code missing?');
  await expect(page.getByRole('textbox', { name: 'Number 1' })).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('textbox', { name: 'Number 2' }).fill(`0171 5${digits}`);
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Leitung Einkauf')).toBeVisible();
  const phones = page.getByRole('table', { name: 'Phone numbers' });
  await expect(phones.getByRole('row')).toHaveCount(3);
  await expect(phones).toContainText(`+491715${digits}`);
});
