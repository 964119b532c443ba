import { defineConfig } from '@playwright/test';

const baseURL = process.env.TERMINTREU_URL;
if (!baseURL) {
  throw new Error(
    'TERMINTREU_URL is not set. Start the server (termintreu serve …) and run e.g.\n' +
      '  TERMINTREU_URL=http://127.0.0.1:18090 TERMINTREU_CREDENTIALS=/tmp/tt-web-credentials.json npx playwright test',
  );
}

export default defineConfig({
  testDir: '.',
  testMatch: ['browser/**/*.spec.ts', 'api/**/*.spec.ts'],
  outputDir: 'results/artifacts',
  workers: 2,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: 'results/results.json' }],
    ['junit', { outputFile: 'results/junit.xml' }],
  ],
  use: {
    baseURL,
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
