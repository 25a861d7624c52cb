import { rmSync } from 'node:fs';
import { SAMPLE_HEAD } from '../../electron/app/sample-register.js';
import { openKeyStore, stampEntry } from '../../electron/documents/verification.js';
import { getEntryRecord } from '../../electron/register/repositories/entries.js';
import { addRemoteOffice, installRemote, issueFamily, openCentre, testClock } from '../unit/exchange/helpers.js';
import type { Page } from '@playwright/test';
import { expect, saveScreen, test } from './fixtures.js';

// Preparing the centre and a remote office (a bundle carried between them) counts against the test's time.
test.describe.configure({ timeout: 240_000 });

const papers = { carried: { qrText: '', shortCode: '' }, notYet: { qrText: '' } };

/**
 * R3.5: a centre that imported a remote office's bundle; one certificate came with it, a later
 * one is still on the office's PC. The bridge then serves the centre's register.
 */
test.use({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; this one has none.
  deskArgs: async ({}, use) => {
    const clock = testClock(new Date().toISOString());
    const centre = await openCentre(clock.now);
    const remote = await installRemote(centre, await addRemoteOffice(centre, 'VRM-03', '03-01'), clock.now);
    const stamp = async (id: string) => {
      const entry = await getEntryRecord(remote.desk.register.ctx.db, id);
      if (!entry) throw new Error('no entry at the office');
      return stampEntry(entry, openKeyStore(remote.dataDir));
    };
    papers.carried = await stamp((await issueFamily(remote, centre.signatoryId, 'Кравець')).id);
    const bundle = await remote.exchange.exportBundle(remote.user);
    await centre.exchange.importBundle(centre.head, bundle.data, bundle.fileName);
    papers.notYet = await stamp((await issueFamily(remote, centre.signatoryId, 'Бойко')).id);
    await remote.close();
    await centre.desk.close();
    await use(['--data-dir', centre.dataDir]);
    rmSync(centre.dataDir, { recursive: true, force: true });
  },
});

async function check(page: Page, text: string) {
  await page.getByLabel('Код або текст QR-коду').fill(text);
  await page.getByRole('button', { name: 'Перевірити' }).click();
}

test('«Перевірка документа» at the centre verifies a remote office’s certificate by QR and short code, and names the office whose bundle has not brought one yet', async ({ page, desk }) => {
  await page.goto(desk.url);
  await page.getByLabel('Логін').fill(SAMPLE_HEAD.login);
  await page.getByLabel('Пароль').fill(SAMPLE_HEAD.password);
  await page.getByRole('button', { name: 'Увійти' }).click();
  await page.getByRole('navigation').getByRole('button', { name: 'Перевірка документа' }).click();

  await check(page, papers.carried.qrText);
  const valid = page.getByRole('status').filter({ hasText: 'Документ дійсний' });
  await expect(valid).toContainText('03-01 (VRM-03)', { timeout: 30_000 });
  await saveScreen(page, 'desk-verify-remote-valid', { fullPage: false });

  await check(page, papers.carried.shortCode);
  await expect(page.getByRole('status').filter({ hasText: 'Документ дійсний' })).toContainText('03-01 (VRM-03)');

  await check(page, papers.notYet.qrText);
  const awaiting = page.getByRole('status').filter({ hasText: 'Документ не знайдено' });
  await expect(awaiting).toContainText('ще не надійшов з пакетом від «Старостинський округ VRM-03» (VRM-03)');
  await saveScreen(page, 'desk-verify-remote-awaiting', { fullPage: false });
});
