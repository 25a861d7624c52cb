import { defineConfig } from '@playwright/test';

/**
 * Browser tests drive the renderer through the browser bridge in Debian's Chromium
 * (never Playwright's own browser download). `npm run test:browser` builds first.
 */
export default defineConfig({
  testDir: 'test/browser',
  outputDir: 'test-results/browser',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two desks at once on CI's two cores too: each test has its own bridge and register, and the
  // 41 tests one at a time would take the whole run past its 20 minutes.
  workers: 2,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'test-results/report' }]],
  use: {
    viewport: { width: 1366, height: 768 },
    locale: 'uk-UA',
    // No transitions to wait out: a dialog or popover is there, or not (the desk honours the setting).
    reducedMotion: 'reduce',
    timezoneId: 'Europe/Kyiv',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
