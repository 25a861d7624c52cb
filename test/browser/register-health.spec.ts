import { SAMPLE_HEAD } from '../../electron/app/sample-register.js';
import { applyTamper, copyOf, prepareBaseRegister } from '../reliability/support/tamper.js';
import { expect, saveScreen, test } from './fixtures.js';

// A register whose journal was edited with a SQLite editor while the desk was closed (R7.7: tampering is found).
test.use({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; this one has none.
  deskArgs: async ({}, use) => {
    const base = await prepareBaseRegister(3);
    const register = copyOf(base);
    applyTamper(register, base.entries, 'edit_content', 2);
    await use(['--data-dir', register.dataDir]);
    register.remove();
    base.remove();
  },
});

test('the desk shows a tampered journal at start-up and keeps it read-only until the head decides', async ({ page, desk }) => {
  test.setTimeout(120_000);
  await page.goto(desk.url);
  await page.getByLabel('Логін').fill(SAMPLE_HEAD.login);
  await page.getByLabel('Пароль').fill(SAMPLE_HEAD.password);
  await page.getByRole('button', { name: 'Увійти' }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'Перевірка цілісності реєстру виявила проблему' });
  await expect(banner).toContainText('01-21/2');
  await expect(banner).toContainText('лише для читання');
  await saveScreen(page, 'desk-register-tampered');
  await banner.getByLabel('Пояснення рішення (обовʼязково)').fill('Перевірено за паперовим журналом');
  await banner.getByRole('button', { name: 'Залишити лише для читання' }).click();
  await expect(banner).toContainText('Рішення щодо журналу ухвалено');
});
