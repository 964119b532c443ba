import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createUser } from '../support/api';
import { demoUser } from '../support/credentials';
import { chooseLanguage, signInUI } from '../support/ui';

// A project manager sets a campaign up in the browser and activates it; an agent acknowledges its briefing.

test('a project manager sets up and activates a campaign; an agent acknowledges the briefing', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const pm = demoUser('project_manager');
  const name = `Frühjahrsaktion ${Date.now().toString(36)}`;
  await signInUI(page, pm.email, pm.password);
  await chooseLanguage(page, 'en');

  // Create: a draft for one of the demo clients.
  await page.goto('/campaigns');
  await page.getByRole('button', { name: 'New campaign' }).click();
  const dialog = page.getByRole('dialog', { name: 'New campaign' });
  await dialog.getByLabel('Client', { exact: true }).selectOption({ label: 'Kessler Industrietechnik GmbH' });
  await dialog.getByLabel('Campaign', { exact: true }).fill(name);
  await dialog.getByLabel(/^Target count/).fill('25');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/campaigns\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();

  // Calling rules: the defaults are the legal limits; a looser value is refused where it was typed.
  const rules = page.getByRole('region', { name: 'Calling rules', exact: true });
  const perDay = rules.getByLabel('Per day', { exact: true });
  await expect(perDay).toHaveValue('3');
  await expect(perDay).toHaveAccessibleDescription('Legal limit: at most 3');
  await perDay.fill('4');
  await rules.getByRole('button', { name: 'Save' }).click();
  await expect(rules.getByText('At most 3 — the legal limit.')).toBeVisible();
  await expect(perDay).toHaveAccessibleDescription(/At most 3 — the legal limit\./);
  await rules.screenshot({ path: path.join(import.meta.dirname, '..', 'results', 'screenshots', 'calling-rules-refused-en.png') });
  await expect(perDay).toHaveAttribute('aria-invalid', 'true');
  await rules.getByLabel('Saturday, window 1: from', { exact: true }).fill('08:00');
  await perDay.fill('2');
  await rules.getByRole('button', { name: 'Save' }).click();
  await expect(rules.getByText('08:00–18:00 starts too early: not before 09:00 (the legal limit).')).toBeVisible();
  await rules.getByLabel('Saturday, window 1: from', { exact: true }).fill('10:00');
  await rules.getByRole('button', { name: 'Save' }).click();
  await expect(rules.getByText('Saved.')).toBeVisible();
  await expect(perDay).toHaveValue('2');

  // Activation needs a caller ID: the server's refusal is shown.
  await page.getByRole('button', { name: 'Activate' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'needs a caller ID before it can be activated' })).toBeVisible();
  const callerId = page.getByRole('region', { name: 'Caller ID', exact: true });
  await callerId.getByRole('textbox', { name: 'Caller ID', exact: true }).fill('12');
  await callerId.getByRole('button', { name: 'Save' }).click();
  await expect(callerId.getByRole('alert')).toBeVisible();
  await callerId.getByRole('textbox', { name: 'Caller ID', exact: true }).fill('0521 9876541');
  await callerId.getByRole('button', { name: 'Save' }).click();
  await expect(callerId.getByRole('textbox', { name: 'Caller ID', exact: true })).toHaveValue('+495219876541');
  await page.getByRole('button', { name: 'Activate' }).click();
  await expect(page.getByText('Active', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();

  // Briefing: publish version 1.
  const briefing = page.getByRole('region', { name: 'Briefing', exact: true });
  const text = `Ziel: Termine mit Instandhaltungsleitern. ${name}`;
  await briefing.getByLabel('Briefing text', { exact: true }).fill(text);
  await briefing.getByRole('button', { name: 'Publish as version 1' }).click();
  await expect(briefing.getByText('Version 1 was published.')).toBeVisible();
  await expect(briefing.getByText(/Current: version 1 of .*, acknowledged by 0\./)).toBeVisible();

  // An agent finds the campaign in the list, reads the briefing and acknowledges it, by keyboard.
  const agent = await createUser('agent');
  const context = await browser.newContext({ locale: 'en-US' });
  const agentPage = await context.newPage();
  await signInUI(agentPage, agent.email, agent.password);
  await chooseLanguage(agentPage, 'en');
  await agentPage.goto('/campaigns');
  await agentPage.getByRole('link', { name }).click();
  await expect(agentPage.getByText(text)).toBeVisible();
  const acknowledge = agentPage.getByRole('button', { name: 'I have read version 1' });
  await acknowledge.focus();
  await agentPage.keyboard.press('Enter');
  await expect(agentPage.getByText(/You acknowledged this version on /)).toBeVisible();
  await context.close();

  await page.reload();
  await expect(page.getByRole('region', { name: 'Briefing', exact: true }).getByText(/acknowledged by 1\./)).toBeVisible();
});
