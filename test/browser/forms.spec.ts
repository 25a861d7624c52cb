import { execFileSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import type { EntryRecord } from '../../shared/domain/entry.js';
import { setUpSampleRegister } from '../../electron/app/sample-register.js';
import { expect, pageCall, saveScreen, test, typeDate, type PageCall } from './fixtures.js';

/**
 * Keyboard and forms as an administrator meets them, on a fresh register and on the training
 * register: Enter searches where a search field stands, Escape closes only the calendar it is in,
 * a field says what is wrong once it was left (and names the right field, dates as дд.мм.рррр),
 * the journal list fits 1366×768, and a handover to a representative records the power of
 * attorney, printed on the journal page (R7.4.4, section E).
 */

/** The desk open with the head logged in, and one certificate still waiting for its owner. */
interface OpenDesk {
  call: PageCall;
  waiting: EntryRecord;
}

async function openFreshDesk(page: Page, url: string): Promise<OpenDesk> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Перший запуск');
  const call = pageCall(page);
  const { journalId, signatoryId } = await setUpSampleRegister(call);
  const name = { familyName: 'Шевченко', givenName: 'Тарас', patronymic: 'Григорович' };
  const { entry } = await call('entries.issueCertificate', {
    journalId,
    signatoryId,
    certificate: {
      kinds: ['registration'],
      purpose: 'для пред’явлення за місцем вимоги',
      subject: { name, birthDate: '1980-03-09', declined: { nominative: 'Шевченко Тарас Григорович', dative: 'x', genitive: 'x', corrected: false } },
      address: { settlement: 'м. Глухів', street: 'вул. Київська', house: '12', apartment: '5' },
      applicant: { actsAs: 'self' },
      household: [],
      facts: { dwelling: 'apartment_building', actingForOther: false, titleRequested: false, guardianshipInvolved: false, deceasedMember: false },
      documents: [
        { requirementId: 'identity', type: 'passport_book', series: 'КВ', number: '123456' },
        { requirementId: 'housing_records', type: 'apartment_card' },
      ],
    },
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Видача довідки', { timeout: 30_000 });
  return { call, waiting: entry };
}

async function openTrainingDesk(page: Page, url: string): Promise<OpenDesk> {
  await page.goto(url);
  await page.getByLabel('Логін').fill('head');
  await page.getByLabel('Пароль').fill('navchannia-2025');
  await page.getByLabel('Пароль').press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Видача довідки', { timeout: 30_000 });
  const call = pageCall(page);
  const found = await call('journal.search', { sort: 'certificate', status: 'issued', page: 1, pageSize: 1 });
  const waiting = found.items[0];
  if (!waiting) throw new Error('the training register has no certificate waiting for its owner');
  return { call, waiting };
}

const REGISTERS = [
  ['a fresh register', [], openFreshDesk],
  ['the training register', ['--demo'], openTrainingDesk],
] as const;

function go(page: Page, screen: string): Promise<void> {
  return page.getByRole('navigation').getByRole('button', { name: screen }).click();
}

/** Texts shown as field errors (Mantine marks them with the `Input-error` class). */
function fieldErrors(scope: Locator): Locator {
  return scope.locator('.mantine-InputWrapper-error');
}

/**
 * Number, date, name, administrator and status whose text the layout cut (an ellipsis, a clamped
 * line, a clipped badge): what is larger than its box. The kind (4th column) may end in «…».
 */
async function cutTexts(page: Page): Promise<string[]> {
  const whole = '[role="row"] [role="cell"]:not(:nth-child(4)), [role="row"] [role="cell"]:not(:nth-child(4)) .desk-journal-wrap, [role="row"] .mantine-Badge-label';
  return page.locator(whole).evaluateAll((elements) =>
    elements
      .filter((element) => element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1)
      .map((element) => element.textContent ?? ''),
  );
}

for (const [registerName, deskArgs, openDesk] of REGISTERS) {
  test.describe(`on ${registerName}`, () => {
    test.use({ deskArgs: [...deskArgs] });

    test('Enter searches, Escape closes only the calendar, errors wait for the field and name it, dates say дд.мм.рррр', async ({ page, desk }) => {
      test.setTimeout(180_000);
      const { waiting } = await openDesk(page, desk.url);
      const surname = waiting.content.subject.name.familyName;

      // «Знайти серед попередніх»: Enter in the search field searches (it used to jump into the issue form).
      await page.getByRole('button', { name: 'Знайти серед попередніх' }).click();
      const finder = page.getByRole('dialog', { name: 'Пошук особи в журналі' });
      const query = finder.getByLabel('Прізвище, імʼя або адреса');
      await query.fill(surname.toLocaleLowerCase('uk'));
      await query.press('Enter');
      await expect(finder.getByText(/^Запис № /).first()).toBeVisible();
      await expect(query).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(finder).toBeHidden();

      // A new household row opens clean; a field left empty then names itself.
      await page.getByRole('checkbox', { name: /^Довідка про склад сімʼї/ }).check();
      await page.getByRole('button', { name: 'Додати особу' }).click();
      const rows = page.getByRole('group', { name: /^Особа \d+$/ });
      const row = rows.last();
      await expect(row).toBeVisible();
      await expect(fieldErrors(row)).toHaveCount(0);
      await row.getByRole('textbox', { name: 'Прізвище' }).focus();
      await row.getByRole('textbox', { name: 'Прізвище' }).blur();
      await expect(fieldErrors(row)).toHaveText(['Вкажіть прізвище']);
      await row.getByRole('textbox', { name: 'Імʼя' }).focus();
      await row.getByRole('textbox', { name: 'Імʼя' }).blur();
      await expect(fieldErrors(row)).toHaveText(['Вкажіть прізвище', 'Вкажіть власне імʼя']);
      // A date field left empty, and one that is no date, both speak of дд.мм.рррр.
      const born = row.getByRole('textbox', { name: 'Дата народження' });
      await born.focus();
      await born.blur();
      await expect(fieldErrors(row).last()).toHaveText('Вкажіть дату у форматі дд.мм.рррр.');
      await born.fill('31.02.2020');
      await born.blur();
      await expect(fieldErrors(row).last()).toContainText('дд.мм.рррр');
      await expect(page.getByText(/РРРР|YYYY/)).toHaveCount(0);
      await saveScreen(page, `forms-household-errors-${deskArgs.length > 0 ? 'training' : 'fresh'}`, { fullPage: false });
      await typeDate(born, '09.03.1980');
      await expect(fieldErrors(row)).toHaveText(['Вкажіть прізвище', 'Вкажіть власне імʼя']);

      // The journal's own search field: Enter searches.
      await go(page, 'Журнал');
      const search = page.getByRole('search').getByLabel('Пошук', { exact: true });
      await search.fill(waiting.printedNumber);
      await search.press('Enter');
      await expect(page.getByRole('row').filter({ hasText: waiting.printedNumber }).first()).toBeVisible();

      // The journal pages' dialog: Escape in a date field closes its calendar, not the dialog.
      await page.getByRole('button', { name: 'Друк сторінок журналу' }).click();
      const print = page.getByRole('dialog', { name: 'Друк сторінок журналу' });
      const from = print.getByRole('textbox', { name: 'З' });
      await from.click();
      const calendar = page.locator('[data-dates-dropdown]');
      await expect(calendar).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(calendar).toBeHidden();
      await expect(print).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(print).toBeHidden();
    });

    test('the journal fits 1366×768, and a handover to a representative records the power of attorney the page then prints', async ({ page, desk }) => {
      test.setTimeout(180_000);
      const { waiting } = await openDesk(page, desk.url);
      await go(page, 'Журнал');
      await page.getByRole('button', { name: 'Шукати', exact: true }).click();
      await expect(page.getByRole('row').nth(1)).toBeVisible();
      expect(await cutTexts(page), 'names and badges shown whole').toEqual([]);
      await saveScreen(page, `forms-journal-${deskArgs.length > 0 ? 'training' : 'fresh'}`, { fullPage: false });

      await page.getByRole('search').getByLabel('Пошук', { exact: true }).fill(waiting.printedNumber);
      await page.getByRole('button', { name: 'Шукати', exact: true }).click();
      await page.getByRole('row').filter({ hasText: waiting.printedNumber }).first().click();
      const details = page.getByRole('dialog').filter({ hasText: `№ ${waiting.printedNumber}` });
      await details.getByRole('button', { name: 'Позначити видачу' }).click();
      const handover = page.getByRole('dialog', { name: `Видача документа № ${waiting.printedNumber}` });
      await handover.getByRole('radio', { name: 'представник за довіреністю' }).check();
      await handover.getByLabel('ПІБ отримувача').fill('Коваль Ігор Петрович');
      const proxy = handover.getByRole('group', { name: 'Довіреність' });
      await expect(proxy).toBeVisible();
      await expect(fieldErrors(proxy)).toHaveCount(0);
      // Confirmed before the power of attorney is filled: each of its fields says what it needs, nothing is written.
      await handover.getByRole('button', { name: 'Підтвердити видачу' }).click();
      await expect(fieldErrors(proxy)).toHaveText(['Вкажіть номер довіреності', 'Вкажіть дату довіреності: дд.мм.рррр', 'Вкажіть, ким видано (посвідчено) довіреність']);
      await handover.getByLabel('Номер довіреності').fill('451');
      const dated = handover.getByRole('textbox', { name: 'Дата довіреності' });
      await dated.click();
      await page.keyboard.press('Escape');
      await expect(handover, 'Escape in its date field keeps the handover dialog').toBeVisible();
      await typeDate(dated, '15.11.2025');
      await handover.getByLabel('Ким видана (посвідчена)').fill('приватний нотаріус Глухівського районного нотаріального округу Сумської області Коваленко Олена Петрівна');
      await expect(fieldErrors(proxy)).toHaveCount(0);
      await saveScreen(page, `forms-handover-${deskArgs.length > 0 ? 'training' : 'fresh'}`, { fullPage: false });
      await handover.getByRole('button', { name: 'Підтвердити видачу' }).click();
      await expect(handover).toBeHidden();
      await expect(details.getByRole('row').filter({ hasText: /^\s*Довіреність/ })).toContainText('№ 451 від 15.11.2025, видана: приватний нотаріус');
      await page.keyboard.press('Escape');

      // The journal page of that day prints it in the handover column.
      await page.getByRole('button', { name: 'Друк сторінок журналу' }).click();
      const print = page.getByRole('dialog', { name: 'Друк сторінок журналу' });
      const day = waiting.localDate.split('-').reverse().join('.');
      await typeDate(print.getByRole('textbox', { name: 'З' }), day);
      await typeDate(print.getByRole('textbox', { name: 'По' }), day);
      const downloading = page.waitForEvent('download');
      await print.getByRole('button', { name: 'Зберегти PDF' }).click();
      const pdf = await (await downloading).path();
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('представник: Коваль Ігор Петрович');
      expect(text).toContain('довіреність № 451 від 15.11.2025');
      expect(text).toContain('Коваленко Олена Петрівна');
    });
  });
}
