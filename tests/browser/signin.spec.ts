import { expect, test } from '@playwright/test';
import { createUser } from '../support/api';
import { uniqueEmail } from '../support/credentials';

test.describe('sign-in errors', () => {
  test('a wrong password shows an error and keeps the user on the sign-in page', async ({ page }) => {
    const user = await createUser('agent');
    await page.goto('/signin');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill('definitely-not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('Email or password is not correct');
    await expect(page).toHaveURL(/\/signin$/);
    await expect(page.getByLabel('Password')).toHaveValue('');

    // an unknown address gets the very same message
    await page.getByLabel('Email').fill(uniqueEmail('nobody'));
    await page.getByLabel('Password').fill('whatever-password');
    await page.getByLabel('Password').press('Enter');
    await expect(page.getByRole('alert')).toContainText('Email or password is not correct');
  });

  test('a lockout shows the waiting time from Retry-After', async ({ page }) => {
    // The answer is simulated so that the test never locks out a real account or address.
    await page.route('**/api/session', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      await route.fulfill({
        status: 429,
        headers: { 'Retry-After': '300', 'Content-Type': 'application/json' },
        body: JSON.stringify({ error: { code: 'rate_limited', message: 'locked', field: '' } }),
      });
    });
    await page.goto('/signin');
    await page.getByLabel('Email').fill('someone@example.com');
    await page.getByLabel('Password').fill('some-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('Please try again in 5 minutes');
  });
});
