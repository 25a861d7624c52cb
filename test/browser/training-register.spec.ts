import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { EntryRecord } from '../../shared/domain/entry.js';
import { expect, pageCall, saveScreen, test, typeDate, type PageCall } from './fixtures.js';

/**
 * Issue 20 on the training register (`--demo`), as an administrator meets it there: a known
 * household comes in from the register's own family certificate to confirm (point 8), the issued
 * paper has no gendered leftovers (point 1) and its QR reads with zbarimg and verifies (point 6),
 * and a refusal's ground proposed from the checklist is edited and printed as edited (point 3).
 */

test.use({ deskArgs: ['--demo'] });

async function openTrainingDesk(page: Page, url: string): Promise<PageCall> {
  await page.goto(url);
  await page.getByLabel('Логін').fill('head');
  await page.getByLabel('Пароль').fill('navchannia-2025');
  await page.getByLabel('Пароль').press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Видача довідки', { timeout: 30_000 });
  return pageCall(page);
}

/** Fills a Mantine select by its label and the visible text of an option (options may still be loading). */
async function choose(page: Page, label: string, option: RegExp | string): Promise<void> {
  let attempt = 0;
  await expect(async () => {
    if (attempt++ > 0) await page.getByRole('textbox', { name: label }).blur();
    await page.getByRole('textbox', { name: label }).click();
    await page.getByRole('option', { name: option }).first().click({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/** The PDF the «Зберегти PDF» button gives, kept in `dir`, and its text as one line. */
async function savedPdf(page: Page, dir: string, name: string): Promise<{ file: string; text: string }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Зберегти PDF' }).first().click();
  const file = path.join(dir, `${name}.pdf`);
  copyFileSync(await (await downloading).path(), file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  return { file, text };
}

/**
 * Gendered forms left for the reader to choose: a word with its feminine ending in brackets
 * («помер(ла)», «був(ла)»), or a pronoun or word pair («з ним (нею)», «він (вона)», «який (яка)»).
 */
const GENDERED_LEFTOVERS = [
  /[а-яіїєґʼ'’]\((?:а|ла|на|ою|ої|ій|ий|ого|ому|ів)\)/iu,
  /\((?:а|ла|нею|ним|вона|він|яка|який|померлою|померлим|проживала|проживав|не була|не був)\)/iu,
];

function leftovers(text: string): string[] {
  return GENDERED_LEFTOVERS.flatMap((pattern) => new RegExp(pattern.source, `${pattern.flags}g`).exec(text)?.[0] ?? []);
}

/** What zbarimg reads from page 1 of a PDF rendered at 150 dpi. */
function scanFirstPage(file: string, dir: string): string[] {
  const prefix = path.join(dir, 'page');
  execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', file, prefix]);
  const png = readdirSync(dir).find((name) => name.startsWith('page') && name.endsWith('.png'));
  if (!png) throw new Error('pdftoppm made no page');
  const result = spawnSync('zbarimg', ['--raw', '-q', path.join(dir, png)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`zbarimg read nothing (${result.status}): ${result.stderr}`);
  return result.stdout.split('\n').filter((line) => line.trim() !== '');
}

/** Day first, as the desk shows dates. */
function shown(isoDate: string): string {
  return isoDate.split('-').reverse().join('.');
}

/**
 * A family certificate of the training register whose person the register offers back: the
 * latest certificate for that name (with or without the birth date) is this one.
 */
async function knownFamilyCertificate(call: PageCall): Promise<EntryRecord> {
  for (const status of ['handed_over', 'issued'] as const) {
    const found = await call('journal.search', { kind: 'family', sort: 'certificate', status, page: 1, pageSize: 50 });
    for (const item of found.items) {
      const entry = await call('entries.get', { id: item.id });
      if (entry.content.sort !== 'certificate') continue;
      const { subject, household } = entry.content;
      if (!subject.name.patronymic || !subject.birthDate || household.length < 2) continue;
      if (!entry.content.kinds.every((kind) => kind === 'family')) continue;
      const byName = await call('entries.knownCase', { person: { name: subject.name } });
      const byNameAndBirth = await call('entries.knownCase', { person: { name: subject.name, birthDate: subject.birthDate } });
      if (byName.match?.entry.id === entry.id && byNameAndBirth.match?.entry.id === entry.id) return entry;
    }
  }
  throw new Error('the training register has no family certificate the register would offer back');
}

function householdOf(entry: EntryRecord) {
  if (entry.content.sort !== 'certificate') throw new Error(`${entry.printedNumber} is not a certificate`);
  return entry.content.household.map((member) => ({ name: member.name, relation: member.relation }));
}

test('training register: a known household comes in to confirm, its family certificate prints no gendered leftovers and its QR verifies', async ({ page, desk }) => {
  test.setTimeout(240_000);
  const call = await openTrainingDesk(page, desk.url);
  const earlier = await knownFamilyCertificate(call);
  if (earlier.content.sort !== 'certificate') throw new Error('not a certificate');
  const { subject } = earlier.content;

  await page.getByRole('checkbox', { name: /^Довідка про склад сімʼї/ }).check();
  await page.getByRole('textbox', { name: 'Прізвище' }).first().fill(subject.name.familyName);
  await page.getByRole('textbox', { name: 'Імʼя' }).first().fill(subject.name.givenName);
  await page.getByRole('textbox', { name: 'По батькові' }).first().fill(subject.name.patronymic ?? '');
  await typeDate(page.getByRole('textbox', { name: 'Дата народження' }).first(), shown(subject.birthDate ?? ''));

  // The register knows the person: the household of the latest certificate comes in, row by row.
  const notice = page.getByRole('region', { name: `Взято з довідки № ${earlier.printedNumber} від ${shown(earlier.localDate)}` });
  await expect(notice).toBeVisible({ timeout: 15_000 });
  for (const [index, member] of earlier.content.household.entries()) {
    const row = page.getByRole('group', { name: `Особа ${index + 1}` });
    await expect(row.getByRole('textbox', { name: 'Прізвище' })).toHaveValue(member.name.familyName);
    await expect(row.getByRole('textbox', { name: 'Імʼя' })).toHaveValue(member.name.givenName);
  }
  const issue = page.getByRole('button', { name: 'Видати', exact: true });
  await expect(issue).toBeDisabled();
  await expect(page.getByRole('status').filter({ hasText: 'Бракує' })).toContainText(`підтвердження даних, взятих з довідки № ${earlier.printedNumber}`);
  await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
  await saveScreen(page, 'training-known-household', { fullPage: false });

  await notice.getByRole('button', { name: 'Підтвердити' }).click();
  // The training register's signatory of then may have left: choose one in post if none came in.
  const signer = page.getByRole('textbox', { name: 'Хто підписує' });
  if ((await signer.inputValue()) === '') await choose(page, 'Хто підписує', /./);
  await expect(page.getByRole('status').filter({ hasText: 'Довідку можна видати' })).toBeVisible();
  await expect(issue).toBeEnabled();
  await issue.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Довідку видано');
  const registered = await page.getByRole('status').filter({ hasText: 'Зареєстровано в журналі' }).innerText();
  const printedNumber = /№ (\S+)\./.exec(registered)?.[1] ?? '';
  expect(printedNumber).not.toBe('');
  expect(printedNumber).not.toBe(earlier.printedNumber);
  await saveScreen(page, 'training-known-household-issued');

  const issued = (await call('journal.search', { text: printedNumber, sort: 'certificate', page: 1, pageSize: 5 })).items.find((entry) => entry.printedNumber === printedNumber);
  if (!issued) throw new Error(`the journal does not find № ${printedNumber}`);
  expect(householdOf(issued)).toEqual(householdOf(earlier));

  const dir = mkdtempSync(path.join(os.tmpdir(), 'training-pdf-'));
  try {
    const pdf = await savedPdf(page, dir, 'family');
    expect(pdf.text).toContain(`№ ${printedNumber}`);
    // Word by word: a letter of the diagonal «НАВЧАЛЬНИЙ РЕЖИМ» mark may fall between two words of a line in pdftotext's output.
    for (const member of earlier.content.household) {
      for (const part of [member.name.familyName, member.name.givenName, member.name.patronymic]) if (part) expect(pdf.text).toContain(part);
    }
    expect(leftovers(pdf.text)).toEqual([]);

    // The QR on page 1, read as a common scanner reads it, is this genuine certificate.
    const codes = scanFirstPage(pdf.file, dir);
    expect(codes).toHaveLength(1);
    const verdict = await call('documents.verify', { text: codes[0] ?? '' });
    expect(verdict).toMatchObject({ status: 'valid', entry: { printedNumber } });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('training register: a refusal’s ground proposed from the checklist, edited, prints as edited and without gendered leftovers', async ({ page, desk }) => {
  test.setTimeout(240_000);
  await openTrainingDesk(page, desk.url);
  await page.getByRole('checkbox', { name: /^Довідка з місця реєстрації/ }).check();
  await page.getByRole('textbox', { name: 'Прізвище' }).first().fill('Ковальчук');
  await page.getByRole('textbox', { name: 'Імʼя' }).first().fill('Олена');
  await page.getByRole('textbox', { name: 'По батькові' }).first().fill('Петрівна');
  await typeDate(page.getByRole('textbox', { name: 'Дата народження' }).first(), '14.02.1986');
  await page.getByLabel('Населений пункт').fill('Глухів');
  await page.getByRole('textbox', { name: 'Будинок' }).fill('7');
  await choose(page, 'Хто підписує', /./);
  await expect(page.getByLabel('Давальний відмінок (кому?)')).toHaveValue('Ковальчук Олені Петрівні');
  await page.getByRole('checkbox', { name: /документ, що посвідчує особу/ }).check();
  await choose(page, 'Який документ', /ID-картка/);
  await page.getByLabel('Номер').fill('001234567');
  await expect(page.getByRole('button', { name: 'Видати', exact: true })).toBeDisabled();
  await expect(page.getByRole('status').filter({ hasText: 'Бракує' })).toContainText('будинкова книга (приватний сектор) (п. 7.4.2)');

  // The dialog proposes п. 7.4.2 with the missing document in words; the administrator edits them.
  await page.getByRole('button', { name: 'Відмовити' }).click();
  const dialog = page.getByRole('dialog', { name: 'Відмова у видачі' });
  await expect(dialog.getByRole('checkbox', { name: /^п\. 7\.4\.2 — не подано будинкову книгу/ })).toBeChecked();
  const words = dialog.getByRole('textbox', { name: 'Що саме (п. 7.4.2)' });
  await expect(words).toHaveValue('будинкова книга (приватний сектор)');
  await words.fill('будинкову книгу на будинок № 7 втрачено, дублікат не оформлено');
  await expect(dialog).toContainText('У повідомленні: п. 7.4.2 — не подано будинкову книгу');
  await saveScreen(page, 'training-refusal-dialog', { fullPage: false });
  await dialog.getByRole('button', { name: 'Зареєструвати відмову' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Відмову зареєстровано');
  await expect(page.getByRole('row', { name: /Підстави відмови/ })).toContainText('п. 7.4.2 — не подано будинкову книгу');
  await saveScreen(page, 'training-refusal-done');

  const dir = mkdtempSync(path.join(os.tmpdir(), 'training-refusal-'));
  try {
    const { text } = await savedPdf(page, dir, 'refusal');
    // The training mark («НАВЧАЛЬНИЙ РЕЖИМ») runs across the page, its letters among the lines: the ground is read in pieces.
    expect(text).toContain('1) п. 7.4.2 — не подано будинкову книгу (приватний сектор) або');
    expect(text).toContain('будинкову книгу на будинок № 7 втрачено, дублікат не оформлено.');
    expect(text).not.toContain('будинкова книга (приватний сектор)');
    expect(leftovers(text)).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
