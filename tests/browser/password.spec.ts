import { expect, test } from '@playwright/test';
import { createUser } from '../support/api';
import { signInUI, signOutUI } from '../support/ui';

test('a user changes their own password', async ({ page }) => {
  const user = await createUser('agent');
  const next = `Neu-und-lang-${Date.now()}`;
  await signInUI(page, user.email, user.password);
  await page.getByRole('link', { name: 'Change password' }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  const form = page.getByRole('form', { name: 'Change password' });

  // checks in the browser: too short, not repeated
  await form.getByLabel('Current password').fill(user.password);
  await form.getByLabel('New password', { exact: true }).fill('short');
  await form.getByLabel('Repeat new password').fill('short');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByText('At least 10 characters.').last()).toBeVisible();
  await expect(form.getByLabel('New password', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('New password', { exact: true }).fill(next);
  await form.getByLabel('Repeat new password').fill(`${next}x`);
  await form.getByLabel('Repeat new password').press('Enter');
  await expect(form.getByText('The passwords do not match.')).toBeVisible();

  // the server refuses a wrong current password; the error sits at that field
  await form.getByLabel('Current password').fill('not-my-password');
  await form.getByLabel('Repeat new password').fill(next);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/account\/password$/);

  await form.getByLabel('Current password').fill(user.password);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your password was changed.' })).toBeVisible();

  await signOutUI(page);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Email or password is not correct');
  await signInUI(page, user.email, next);
});
