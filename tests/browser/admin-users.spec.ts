import { expect, test, type Page } from '@playwright/test';
import { demoUser, uniqueEmail } from '../support/credentials';
import { chooseLanguage, navLabels, rowWith, signInUI } from '../support/ui';

async function openUsers(page: Page): Promise<void> {
  const admin = demoUser('admin');
  await signInUI(page, admin.email, admin.password);
  await chooseLanguage(page, 'en');
  await page.goto('/admin/users');
  await expect(page.getByRole('table', { name: 'Users' })).toContainText(admin.email);
}

/** Reads the once-shown secret from the dialog and closes it. */
async function takeSecret(page: Page, label: string): Promise<string> {
  const dialog = page.getByRole('dialog').filter({ has: page.getByLabel(label, { exact: true }) });
  await expect(dialog).toBeVisible();
  const secret = await dialog.getByLabel(label, { exact: true }).inputValue();
  expect(secret.length).toBeGreaterThanOrEqual(10);
  await expect(dialog.getByRole('button', { name: 'Copy' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  return secret;
}

test.describe('user management', () => {
  test('create an agent, deactivate, reactivate and reset the password', async ({ page, browser }) => {
    await openUsers(page);
    const email = uniqueEmail('agent-ui');
    const name = `Tina Test ${email.slice(6, 12)}`;

    await page.getByRole('button', { name: 'New user' }).click();
    const form = page.getByRole('dialog', { name: 'New user' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Email').fill(email);
    await expect(form.getByLabel('Role')).toHaveValue('agent');
    await expect(form.getByLabel('Client', { exact: true })).toHaveCount(0);
    await form.getByRole('button', { name: 'Create' }).click();
    const initial = await takeSecret(page, `Initial password for ${name}`);
    await expect(rowWith(page, email)).toContainText('Active');
    await expect(rowWith(page, email)).toContainText('Agent');

    // the new user signs in in a fresh browser context
    const context = await browser.newContext({ locale: 'en-US' });
    const userPage = await context.newPage();
    await signInUI(userPage, email, initial);
    expect(await navLabels(userPage)).toEqual(['Agent workspace', 'Second level', 'Campaigns', 'Contacts', 'Block list']);
    // Off the workspace, whose 30-s heartbeat would otherwise race the click below to the refused request.
    await userPage.getByRole('link', { name: 'Contacts' }).click();
    await expect(userPage).toHaveURL(/\/contacts/);

    // the admin deactivates them (after a confirmation)
    await rowWith(page, email).getByRole('button', { name: 'Deactivate' }).click();
    const confirm = page.getByRole('dialog');
    await expect(confirm).toContainText(`Deactivate ${name}?`);
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await expect(rowWith(page, email)).toContainText('Deactivated');

    // their next request is refused and the app returns to the sign-in page
    await userPage.getByRole('link', { name: 'Campaigns' }).click();
    await expect(userPage).toHaveURL(/\/signin/);
    await expect(userPage.getByText('Your session has ended')).toBeVisible();
    await userPage.getByLabel('Email').fill(email);
    await userPage.getByLabel('Password').fill(initial);
    await userPage.getByRole('button', { name: 'Sign in' }).click();
    await expect(userPage.getByRole('alert')).toContainText('Email or password is not correct');

    // reactivate and reset the password
    await rowWith(page, email).getByRole('button', { name: 'Reactivate' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reactivate' }).click();
    await expect(rowWith(page, email)).toContainText('Active');
    await rowWith(page, email).getByRole('button', { name: 'Reset password' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reset password' }).click();
    const reset = await takeSecret(page, `New temporary password for ${name}`);
    expect(reset).not.toEqual(initial);

    // back where the session ended (the sign-in page kept ?next=/campaigns)
    await signInUI(userPage, email, reset);
    await expect(userPage).toHaveURL(/\/campaigns$/);
    await context.close();
  });

  test('create a client manager bound to a client; filters find them', async ({ page, browser }) => {
    const clientName = demoUser('client_manager').client;
    expect(clientName, 'the demo client manager names its client').toBeTruthy();
    await openUsers(page);
    const email = uniqueEmail('cm-ui');
    const name = `Carla Client ${email.slice(3, 9)}`;

    await page.getByRole('button', { name: 'New user' }).click();
    const form = page.getByRole('dialog', { name: 'New user' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Role').selectOption('client_manager');
    const client = form.getByLabel('Client', { exact: true });
    await expect(client).toBeVisible();

    // without a client the form says so next to the field
    await form.getByRole('button', { name: 'Create' }).click();
    await expect(form.getByText('Please fill in this field.')).toBeVisible();

    await client.selectOption({ label: clientName ?? '' });
    await form.getByLabel(/Initial password/).fill('Sicher-Start-2026');
    await form.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(rowWith(page, email)).toContainText(clientName ?? '');
    await expect(rowWith(page, email)).toContainText('Client manager');

    // filters: search, role, status
    await page.getByLabel('Search').fill(email);
    await expect(page.getByRole('table', { name: 'Users' }).getByRole('row')).toHaveCount(2);
    await page.getByLabel('Search').fill('');
    await page.getByLabel('Role', { exact: true }).selectOption('client_manager');
    await expect(rowWith(page, email)).toBeVisible();
    await expect(rowWith(page, demoUser('agent').email)).toHaveCount(0);
    await page.getByLabel('Status').selectOption('inactive');
    await expect(rowWith(page, email)).toHaveCount(0);

    // a duplicate email is reported next to the email field
    await page.getByRole('button', { name: 'New user' }).click();
    const again = page.getByRole('dialog', { name: 'New user' });
    await again.getByLabel('Name').fill('Duplicate');
    await again.getByLabel('Email').fill(email);
    await again.getByRole('button', { name: 'Create' }).click();
    await expect(again.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
    await again.getByRole('button', { name: 'Cancel' }).click();

    // the client manager sees only the portal with its client's campaigns
    const context = await browser.newContext({ locale: 'en-US' });
    const cmPage = await context.newPage();
    await signInUI(cmPage, email, 'Sicher-Start-2026');
    expect(await navLabels(cmPage)).toEqual(['Client portal']);
    await expect(cmPage.getByRole('banner')).toContainText(clientName ?? '');
    await context.close();
  });

  test('edit a user: name and role', async ({ page }) => {
    await openUsers(page);
    const email = uniqueEmail('edit-ui');
    await page.getByRole('button', { name: 'New user' }).click();
    const form = page.getByRole('dialog', { name: 'New user' });
    await form.getByLabel('Name').fill('Erika Edit');
    await form.getByLabel('Email').fill(email);
    await form.getByRole('button', { name: 'Create' }).click();
    await takeSecret(page, 'Initial password for Erika Edit');

    await rowWith(page, email).getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Erika Edit' });
    await edit.getByLabel('Name').fill('Erika Edited');
    await edit.getByLabel('Role').selectOption('supervisor');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(rowWith(page, email)).toContainText('Erika Edited');
    await expect(rowWith(page, email)).toContainText('Supervisor');
  });
});
