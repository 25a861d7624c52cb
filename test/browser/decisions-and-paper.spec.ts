import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, saveScreen, test } from './fixtures.js';

const HEAD = { login: 'head', password: 'correct-horse-1', fullName: 'Петренко Олена Іванівна' };

/** The first-run wizard and the head's login, as in desk-flows.spec.ts, then a «Для довідок» signatory (R7.10). */
async function openDesk(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Перший запуск');
  const fields: [string, string][] = [
    ['Назва ради', 'Глухівська міська рада'],
    ['Назва виконавчого комітету', 'Виконавчий комітет Глухівської міської ради'],
    ['Назва відділу ЦНАП', 'Відділ «Центр надання адміністративних послуг»'],
    ['Область, район', 'Сумська область, Шосткинський район'],
    ['Адреса', 'м. Глухів, вул. Шевченка, 6'],
    ['Відділ ведення реєстру', 'Відділ ведення реєстру територіальної громади'],
  ];
  for (const [label, value] of fields) await page.getByLabel(label).first().fill(value);
  await page.getByRole('button', { name: 'Далі' }).click();
  await page.getByLabel('Назва центрального офісу ЦНАП').fill('ЦНАП м. Глухів');
  await page.getByLabel('Код офісу').fill('CNAP');
  await page.getByLabel('Індекс журналу').fill('01-21');
  await page.getByLabel('Назва журналу').fill('Журнал реєстрації довідок');
  await page.getByRole('button', { name: 'Далі' }).click();
  await page.getByLabel('Логін').fill(HEAD.login);
  await page.getByLabel('Прізвище, імʼя, по батькові').fill(HEAD.fullName);
  await page.getByRole('textbox', { name: 'Пароль', exact: true }).fill(HEAD.password);
  await page.getByLabel('Пароль ще раз').fill(HEAD.password);
  await page.getByRole('button', { name: 'Далі' }).click();
  await page.getByRole('button', { name: 'Створити реєстр' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Вхід до програми');
  await page.getByLabel('Логін').fill(HEAD.login);
  await page.getByLabel('Пароль').fill(HEAD.password);
  await page.getByRole('button', { name: 'Увійти' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Видача довідки');
  await page.getByRole('navigation').getByRole('button', { name: 'Довідники' }).click();
  await page.getByRole('tab', { name: 'Підписанти' }).click();
  await page.getByLabel('ПІБ').fill('Коваленко Ірина Петрівна');
  await page.getByLabel('Посада', { exact: false }).first().fill('Начальник відділу ЦНАП');
  await page.getByLabel('Напис на печатці').fill('Для довідок');
  await page.getByRole('button', { name: 'Додати' }).click();
  await expect(page.getByRole('cell', { name: 'Коваленко Ірина Петрівна', exact: true })).toBeVisible();
}

/** Fills a Mantine select by its label and the visible text of an option (its options may still be loading). */
async function choose(page: Page, label: string, option: RegExp | string): Promise<void> {
  let attempt = 0;
  await expect(async () => {
    if (attempt++ > 0) await page.getByRole('textbox', { name: label }).blur();
    await page.getByRole('textbox', { name: label }).click();
    await page.getByRole('option', { name: option }).first().click({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/** A registration certificate (R7.1.1) with its documents (R7.4.1, R7.4.2); returns its printed number. */
async function issueRegistration(page: Page, familyName: string): Promise<string> {
  await page.keyboard.press('Alt+n');
  await page.getByRole('checkbox', { name: /Довідка з місця реєстрації/ }).check();
  await page.getByRole('textbox', { name: 'Прізвище' }).first().fill(familyName);
  await page.getByRole('textbox', { name: 'Імʼя' }).first().fill('Олена');
  await page.getByRole('textbox', { name: 'По батькові' }).first().fill('Петрівна');
  await page.getByLabel('Населений пункт').fill('Глухів');
  await page.getByRole('textbox', { name: 'Будинок' }).fill('7');
  await choose(page, 'Хто підписує', /Коваленко Ірина Петрівна/);
  await page.getByRole('checkbox', { name: /документ, що посвідчує особу/ }).check();
  await choose(page, 'Який документ', /ID-картка/);
  await page.getByLabel('Номер').fill('001234567');
  await page.getByRole('checkbox', { name: /будинкова книга/ }).check();
  const issue = page.getByRole('button', { name: 'Видати', exact: true });
  // At an address already in the register the desk brings the latest entry's case in, to be confirmed first.
  const confirmCarried = page.getByRole('button', { name: 'Підтвердити' });
  await expect(async () => {
    if (await confirmCarried.isVisible()) await confirmCarried.click();
    await expect(issue).toBeEnabled({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await issue.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Довідку видано');
  const registered = await page.getByRole('status').filter({ hasText: 'Зареєстровано в журналі' }).innerText();
  const printedNumber = /№ (\S+)\./.exec(registered)?.[1] ?? '';
  expect(printedNumber).not.toBe('');
  return printedNumber;
}

/** The PDF a «Зберегти PDF» button gives, as one line of text. */
async function savedPdfText(page: Page, scope: Page | ReturnType<Page['getByRole']> = page): Promise<string> {
  const downloading = page.waitForEvent('download');
  await scope.getByRole('button', { name: 'Зберегти PDF' }).first().click();
  const pdfPath = await (await downloading).path();
  return execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

test('a kind replaced by a decision cannot be issued from the form; its old entry still prints and verifies', async ({ page, desk }) => {
  test.setTimeout(240_000);
  await openDesk(page, desk.url);
  const printedNumber = await issueRegistration(page, 'Ковальчук');
  const issuedPdf = await savedPdfText(page);
  expect(issuedPdf).toContain(`№ ${printedNumber}`);

  // The head records the council's decision in the kind's card (section F).
  await page.getByRole('navigation').getByRole('button', { name: 'Шаблони' }).click();
  await page.getByRole('button', { name: /Довідка з місця реєстрації/ }).first().click();
  const card = page.getByRole('region', { name: 'Рішення щодо виду довідки' });
  await expect(card).toContainText('Рішень щодо цього виду немає');
  await card.getByRole('button', { name: 'Внести рішення' }).click();
  await choose(page, 'Що вирішено', 'Замінити іншим видом');
  await choose(page, 'Вид довідки на заміну', /Довідка про фактичне місце проживання та склад сімʼї/);
  await card.getByLabel('Номер рішення').fill('412');
  const today = await page.evaluate(() => new Intl.DateTimeFormat('uk-UA', { timeZone: 'Europe/Kyiv', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date()));
  for (const label of ['Дата рішення', 'Набирає чинності']) {
    const field = card.getByRole('textbox', { name: label });
    await field.click();
    await field.pressSequentially(today);
    await field.blur();
    await expect(field).toHaveValue(today);
  }
  await card.getByLabel('Текст пункту рішення').fill('1. Замість довідки з місця реєстрації видавати довідку про фактичне місце проживання та склад сімʼї.');
  await card.getByRole('button', { name: 'Внести рішення' }).click();
  await expect(card.getByRole('status')).toContainText('Рішення № 412 внесено');
  await expect(card).toContainText(`Рішення № 412 від ${today}, чинне з ${today}: Замінити іншим видом`);
  await expect(card).toContainText('Замість: «Довідка про фактичне місце проживання та склад сімʼї»');
  await expect(card).toContainText(`Замінено з ${today}`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await saveScreen(page, 'decisions-kind-card');

  // The form shows the kind as not issued, naming the decision and the successor; it cannot be ticked.
  await page.keyboard.press('Alt+n');
  const retired = page.getByRole('checkbox', { name: /Довідка з місця реєстрації/ });
  await expect(retired).toBeDisabled();
  await expect(page.getByText(`Не видається з ${today}: рішення № 412 від ${today}; замість неї — «Довідка про фактичне місце проживання та склад сімʼї»`)).toBeVisible();
  await saveScreen(page, 'decisions-issue-form', { fullPage: false });

  // The entry issued before still prints as it did, and its code still verifies.
  await page.getByRole('navigation').getByRole('button', { name: 'Журнал' }).click();
  await page.getByRole('row').filter({ hasText: printedNumber }).click();
  const details = page.getByRole('dialog');
  await expect(details).toContainText(`№ ${printedNumber}`);
  const reprinted = await savedPdfText(page, details);
  expect(reprinted).toContain(`№ ${printedNumber}`);
  expect(reprinted).toContain('Ковальчук');
  const code = /Код перевірки довідки:\s*([0-9A-Z\s-]{11,25})/.exec(reprinted)?.[1]?.replace(/\s+/g, '').slice(0, 11) ?? '';
  expect(code).toHaveLength(11);
  await page.keyboard.press('Escape');
  await page.getByRole('navigation').getByRole('button', { name: 'Перевірка документа' }).click();
  await page.getByLabel('Код або текст QR-коду').fill(code);
  await page.getByRole('button', { name: 'Перевірити' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Документ дійсний' })).toContainText(printedNumber);
});

test('a journal continued from a paper one starts at the set number, once', async ({ page, desk }) => {
  test.setTimeout(240_000);
  await openDesk(page, desk.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Журнал' }).click();
  await page.getByRole('button', { name: 'Паперовий журнал' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Останній номер у паперовому журналі').fill('37');
  await dialog.getByLabel('Хто закрив паперовий журнал (ПІБ, посада)').fill('Коваль Наталія Петрівна, адміністратор');
  await expect(dialog.getByRole('status')).toContainText('отримає № 38');
  await saveScreen(page, 'paper-journal-dialog', { fullPage: false });
  await dialog.getByRole('button', { name: 'Встановити' }).click();
  await expect(dialog).toContainText('продовжено паперовий журнал — перший № 38 (паперовий закінчено № 37, закрив(ла) Коваль Наталія Петрівна, адміністратор');
  // Set once: a second time is refused by the main process, and the first stays.
  await dialog.getByLabel('Останній номер у паперовому журналі').fill('40');
  await dialog.getByLabel('Хто закрив паперовий журнал (ПІБ, посада)').fill('Інша особа');
  await dialog.getByRole('button', { name: 'Встановити' }).click();
  await expect(dialog.getByRole('alert')).toContainText('вже встановлено');
  await saveScreen(page, 'paper-journal-refused', { fullPage: false });
  await page.keyboard.press('Escape');

  const first = await issueRegistration(page, 'Ковальчук');
  expect(first).toBe('01-21/38');
  const second = await issueRegistration(page, 'Мельник');
  expect(second).toBe('01-21/39');
  await page.getByRole('navigation').getByRole('button', { name: 'Журнал' }).click();
  await expect(page.getByRole('row').filter({ hasText: '01-21/38' })).toContainText('Ковальчук');
  await expect(page.getByRole('row').filter({ hasText: '01-21/39' })).toContainText('Мельник');
  await saveScreen(page, 'paper-journal-entries');
});
