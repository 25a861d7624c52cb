import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { SAMPLE_HEAD } from '../../electron/app/sample-register.js';
import { expect, saveScreen, test as base } from './fixtures.js';

/** The centre prepared outside the window (three offices, one overdue): its data folder is the bridge's. */
const test = base.extend<{ deskArgs: string[] }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; this one has none.
  deskArgs: async ({}, use) => {
    const script = path.join(import.meta.dirname, 'support', 'centre-with-offices.ts');
    const dataDir = execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', cwd: path.resolve(import.meta.dirname, '../..') }).trim();
    await use(['--data-dir', dataDir]);
    rmSync(dataDir, { recursive: true, force: true });
  },
});

test('the centre’s exchange screen lists each office’s last bundle and confirmation, marks the overdue one, and offers re-creation (R3.5)', async ({ page, desk }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(desk.url);
  await page.getByLabel('Логін').fill(SAMPLE_HEAD.login);
  await page.getByLabel('Пароль').fill(SAMPLE_HEAD.password);
  await page.getByRole('button', { name: 'Увійти' }).click();
  await page.getByRole('navigation').getByRole('button', { name: 'Обмін з віддаленими місцями' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Стан робочих місць' })).toBeVisible();

  const row = (code: string) => page.getByRole('table', { name: 'Стан робочих місць' }).getByRole('row').filter({ hasText: code });
  await expect(row('VRM-01')).toContainText('№ 1, імпортовано');
  await expect(row('VRM-01')).toContainText('записів 2');
  await expect(row('VRM-01')).toContainText('пакети до № 1');
  await expect(row('VRM-01')).toContainText('прострочено (9 дн.)');
  await expect(row('VRM-02')).toContainText('записів 1');
  await expect(row('VRM-02')).toContainText('вчасно (0 дн.)');
  await expect(row('VRM-03')).toContainText('не встановлено');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await saveScreen(page, 'exchange-centre-offices', { fullPage: false });

  // The head opens the re-creation of the overdue office's PC: one field per journal, and the grounds.
  await row('VRM-01').click();
  await page.getByRole('button', { name: 'Відтворити робоче місце' }).click();
  await expect(page.getByLabel('Останній номер на папері, журнал 02-01')).toBeVisible();
  await saveScreen(page, 'exchange-centre-recreate');
});
