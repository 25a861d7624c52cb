import fs from 'node:fs';
import path from 'node:path';
import { SAMPLE_HEAD } from '../../electron/app/sample-register.js';
import { checkpointFolder } from '../../electron/register/checkpoints/checkpoint-log.js';
import { applyCheckpointAttack, prepareCheckpointedRegister } from '../reliability/support/checkpoint-attacks.js';
import { copyOf } from '../reliability/support/tamper.js';
import { expect, saveScreen, test } from './fixtures.js';

// Preparing the register (six certificates issued through the desk) counts against the test's time.
test.describe.configure({ timeout: 240_000 });

let pageCode = '';

// A journal rewritten with a SQLite editor, every hash recomputed, while the desk was closed (R7.7).
test.use({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; this one has none.
  deskArgs: async ({}, use) => {
    const base = await prepareCheckpointedRegister(6, 4);
    const register = copyOf(base);
    // The footer code of a page that ended at entry 4, as its signed checkpoint names it.
    const log = fs.readFileSync(path.join(checkpointFolder(register.dataDir), `${register.journalId}.log`), 'utf8');
    const named = log.split('\n').filter(Boolean).flatMap((line) => (JSON.parse(line) as string).split('\n')).find((line) => line.startsWith('entry 4 '));
    pageCode = named?.split(' ')[3]?.slice(0, 16) ?? '';
    applyCheckpointAttack(register, base, 'rewrite_and_rechain', 2);
    await use(['--data-dir', register.dataDir]);
    await register.remove();
    await base.remove();
  },
});

test('«Перевірка документа» answers a journal page witness code in plain words: the register no longer holds what the page witnessed', async ({ page, desk }) => {
  await page.goto(desk.url);
  await page.getByLabel('Логін').fill(SAMPLE_HEAD.login);
  await page.getByLabel('Пароль').fill(SAMPLE_HEAD.password);
  await page.getByRole('button', { name: 'Увійти' }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'Перевірка цілісності реєстру виявила проблему' });
  // Generous: the start-up verification runs after the login on a loaded machine.
  await expect(banner).toContainText('01-21/2', { timeout: 60_000 });
  await page.getByRole('navigation').getByRole('button', { name: 'Перевірка документа' }).click();
  expect(pageCode).toMatch(/^[0-9a-f]{16}$/);
  await page.getByLabel('Код або текст QR-коду').fill(pageCode);
  await page.getByRole('button', { name: 'Перевірити' }).click();
  const answer = page.getByRole('status').filter({ hasText: 'Сторінка журналу: реєстр змінено' });
  await expect(answer).toContainText('01-21/4', { timeout: 30_000 });
  await expect(answer).toContainText('реєстр уже не містить того, що вона засвідчила');
  await expect(answer).toContainText('№ 01-21/2');
  await saveScreen(page, 'desk-verify-witness-changed');
});
