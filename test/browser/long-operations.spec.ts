import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { SEED_PASSWORD } from '../../electron/app/synthetic/desk-cast.js';
import { generateRegister } from '../../electron/app/synthetic/generator.js';
import { expect, saveScreen, test, typeDate } from './fixtures.js';

/**
 * Long operations show progress and can be cancelled. The register is generated
 * with thousands of entries before the bridge starts, so a journal print takes seconds: long
 * enough to see the progress and to press Cancel while it runs.
 */
const ENTRIES = 8000;
const seededDir = path.join(os.tmpdir(), `desk-e2e-jobs-${process.pid}`);
let prepared = '';

test.describe.configure({ mode: 'serial' });
test.use({ deskArgs: ['--data-dir', seededDir], viewport: { width: 1366, height: 768 } });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  prepared = mkdtempSync(`${seededDir}-`);
  rmSync(seededDir, { recursive: true, force: true });
  // The fixture's bridge opens `seededDir`: each test gets a copy of the generated register.
  await generateRegister({ dataDir: prepared, entries: ENTRIES, days: 30, until: new Date(Date.now() - 60 * 60_000) });
});

test.beforeEach(() => {
  rmSync(seededDir, { recursive: true, force: true });
  execFileSync('cp', ['-a', prepared, seededDir]);
});

test.afterAll(() => {
  rmSync(seededDir, { recursive: true, force: true });
  if (prepared) rmSync(prepared, { recursive: true, force: true });
});

async function logIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Логін').fill('head');
  await page.getByLabel('Пароль').fill(SEED_PASSWORD);
  await page.getByRole('button', { name: 'Увійти' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Видача довідки', { timeout: 30_000 });
}

/** A Kyiv calendar date as a Ukrainian administrator types it: dd.mm.yyyy. */
function kyivDate(daysAgo: number): string {
  return new Intl.DateTimeFormat('uk-UA', { timeZone: 'Europe/Kyiv', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(Date.now() - daysAgo * 86_400_000));
}

async function openJournalPages(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Журнал' }).click();
  await page.getByRole('button', { name: 'Друк сторінок журналу' }).click();
  const dialog = page.getByRole('dialog');
  await typeDate(dialog.getByRole('textbox', { name: 'З', exact: true }), kyivDate(31));
  await typeDate(dialog.getByRole('textbox', { name: 'По', exact: true }), kyivDate(0));
}

test('a journal print shows its progress, then delivers the PDF', async ({ page, desk }) => {
  await logIn(page, desk.url);
  await openJournalPages(page);
  const dialog = page.getByRole('dialog');
  const downloading = page.waitForEvent('download', { timeout: 120_000 });
  await dialog.getByRole('button', { name: 'Зберегти PDF' }).click();
  const progress = dialog.getByRole('progressbar', { name: 'Хід операції' });
  await expect(progress).toBeVisible();
  // Rows drawn of the total: a percent is known once the entries are read.
  await expect(progress).toHaveAttribute('aria-valuenow', /^\d+$/, { timeout: 30_000 });
  await expect(dialog.getByRole('status')).toContainText(/записів|Розмітка рядків/);
  await expect(dialog.getByRole('button', { name: 'Скасувати' })).toBeEnabled();
  await saveScreen(page, 'jobs-journal-print-progress-1366');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^zhurnal-.+\.pdf$/);
  const text = execFileSync('pdftotext', ['-l', '1', await download.path(), '-'], { encoding: 'utf8' });
  expect(text).toContain('Контрольний код сторінки');
  await expect(progress).toBeHidden();
});

test('a journal print can be cancelled while it runs, and nothing is delivered', async ({ page, desk }) => {
  await logIn(page, desk.url);
  await openJournalPages(page);
  const dialog = page.getByRole('dialog');
  let downloaded = false;
  page.on('download', () => {
    downloaded = true;
  });
  await dialog.getByRole('button', { name: 'Зберегти PDF' }).click();
  await expect(dialog.getByRole('progressbar', { name: 'Хід операції' })).toHaveAttribute('aria-valuenow', /^\d+$/, { timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Скасувати' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Скасовано. Нічого не змінено.');
  await expect(dialog.getByRole('button', { name: 'Зберегти PDF' })).toBeVisible();
  expect(downloaded).toBe(false);
});

test('a backup from the settings screen shows its progress and lands in the list', async ({ page, desk }) => {
  await logIn(page, desk.url);
  const statuses: { kind: string; state: string; stage: string }[] = [];
  page.on('response', async (response) => {
    if (!response.url().endsWith('/api/jobs.status')) return;
    const body = (await response.json()) as { ok: boolean; value?: { kind: string; state: string; stage: string } };
    if (body.value) statuses.push(body.value);
  });
  await page.getByRole('navigation').getByRole('button', { name: 'Налаштування' }).click();
  const rows = page.getByRole('row').filter({ hasText: '-manual.sqlite' });
  await expect(rows).toHaveCount(0);
  await page.getByRole('button', { name: 'Створити копію зараз' }).click();
  await expect(page.getByRole('progressbar', { name: 'Хід операції' })).toBeVisible();
  await expect(rows).toHaveCount(1, { timeout: 60_000 });
  expect(statuses.some((status) => status.kind === 'backup' && status.state === 'done')).toBe(true);
  await saveScreen(page, 'jobs-settings-backups-1366');
});
