import Database from 'better-sqlite3';
import { SAMPLE_HEAD } from '../../electron/app/sample-register.js';
import { registerPath } from '../../electron/register/database.js';
import { copyOf, prepareBaseRegister } from '../reliability/support/tamper.js';
import { expect, saveScreen, test } from './fixtures.js';

// A register whose entries' immutability triggers were dropped with a SQLite editor, every row left as it was (R7.7).
test.use({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; this one has none.
  deskArgs: async ({}, use) => {
    const base = await prepareBaseRegister(2);
    const register = copyOf(base);
    const raw = new Database(registerPath(register.dataDir));
    raw.exec('DROP TRIGGER entries_no_update; DROP TRIGGER entries_no_delete;');
    raw.close();
    await use(['--data-dir', register.dataDir]);
    await register.remove();
    await base.remove();
  },
});

test('the desk names the dropped protections at start-up and keeps every journal read-only', async ({ page, desk }) => {
  test.setTimeout(120_000);
  await page.goto(desk.url);
  await page.getByLabel('Логін').fill(SAMPLE_HEAD.login);
  await page.getByLabel('Пароль').fill(SAMPLE_HEAD.password);
  await page.getByRole('button', { name: 'Увійти' }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'Перевірка цілісності реєстру виявила проблему' });
  // The banner comes with the start-up check, which a loaded machine runs slowly.
  await expect(banner).toContainText('Немає тригера «entries_no_update» (таблиця entries)', { timeout: 60_000 });
  await expect(banner).toContainText('Немає тригера «entries_no_delete» (таблиця entries)');
  await expect(banner).toContainText('Усі журнали доступні лише для читання');
  await saveScreen(page, 'desk-register-schema-tampered', { fullPage: false });
});
