import { expect, test } from '@playwright/test';
import { credentials, demoUser, ROLES, type Role } from '../support/credentials';
import { chooseLanguage, mainNav, navLabels, signInUI, signOutUI } from '../support/ui';

/** The main navigation each role must see (English), in order — and nothing else. */
const EXPECTED_NAV: Record<Role, string[]> = {
  admin: ['Agent workspace', 'Supervision', 'Second level', 'Campaigns', 'Clients', 'Contacts', 'Block list', 'Client portal', 'Administration'],
  project_manager: ['Supervision', 'Second level', 'Campaigns', 'Clients', 'Contacts', 'Block list'],
  supervisor: ['Agent workspace', 'Supervision', 'Second level', 'Campaigns', 'Clients', 'Contacts', 'Block list'],
  agent: ['Agent workspace', 'Second level', 'Campaigns', 'Contacts', 'Block list'],
  client_manager: ['Client portal'],
  client_rep: ['Client portal'],
};

const LANDING: Record<Role, string> = {
  admin: '/workspace',
  project_manager: '/supervision',
  supervisor: '/workspace',
  agent: '/workspace',
  client_manager: '/portal',
  client_rep: '/portal',
};

test.describe('navigation by role', () => {
  for (const role of ROLES) {
    test(`${role} signs in, sees exactly its navigation and signs out`, async ({ page }) => {
      const user = demoUser(role);
      await signInUI(page, user.email, user.password);
      await chooseLanguage(page, 'en');

      await expect(page).toHaveURL(new RegExp(`${LANDING[role]}$`));
      const header = page.getByRole('banner');
      await expect(header).toContainText('Termintreu');
      await expect(header).toContainText(credentials().agency);
      await expect(header).toContainText(user.name);
      expect(await navLabels(page)).toEqual(EXPECTED_NAV[role]);

      // a page outside the role's navigation sends the user to their first page
      if (!EXPECTED_NAV[role].includes('Administration')) {
        await page.goto('/admin/users');
        await expect(page).toHaveURL(new RegExp(`${LANDING[role]}$`));
      }
      await signOutUI(page);
      await page.goto(LANDING[role]);
      await expect(page).toHaveURL(/\/signin/);
    });
  }

  test('each navigation entry opens its page', async ({ page }) => {
    const admin = demoUser('admin');
    await signInUI(page, admin.email, admin.password);
    await chooseLanguage(page, 'en');
    const pages: [string, RegExp, string][] = [
      ['Agent workspace', /\/workspace$/, 'Agent workspace'],
      ['Supervision', /\/supervision$/, 'Supervision'],
      ['Second level', /\/second-level$/, 'Second level'],
      ['Campaigns', /\/campaigns$/, 'Campaigns'],
      ['Clients', /\/clients$/, 'Clients'],
      ['Contacts', /\/contacts$/, 'Contacts'],
      ['Block list', /\/block-list$/, 'Block list'],
      ['Client portal', /\/portal$/, 'Client portal'],
      ['Administration', /\/admin\/users$/, 'Administration'],
    ];
    for (const [link, url, heading] of pages) {
      await mainNav(page).getByRole('link', { name: link }).click();
      await expect(page).toHaveURL(url);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(mainNav(page).getByRole('link', { name: link })).toHaveAttribute('aria-current', 'page');
    }
    await expect(page.getByRole('table', { name: 'Users' })).toContainText(admin.email);
  });

  test('a deep link survives the sign-in, unknown pages show "not found"', async ({ page }) => {
    await page.goto('/clients');
    await expect(page).toHaveURL(/\/signin\?next=%2Fclients$/);
    const admin = demoUser('admin');
    await signInUI(page, admin.email, admin.password);
    await expect(page).toHaveURL(/\/clients$/);
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { name: /Page not found|Seite nicht gefunden/ })).toBeVisible();
  });
});
