import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, saveScreen, test } from './fixtures.js';

const HEAD = { login: 'head', password: 'correct-horse-1', fullName: 'Петренко Олена Іванівна' };

/** The first-run wizard, filled as a head of department would (issue 7, item 1). */
async function runSetup(page: Page): Promise<void> {
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
  await saveScreen(page, 'desk-setup-ready');
  await page.getByRole('button', { name: 'Створити реєстр' }).click();
}

async function logIn(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Вхід до програми');
  await page.getByLabel('Логін').fill(HEAD.login);
  await page.getByLabel('Пароль').fill(HEAD.password);
  await page.getByRole('button', { name: 'Увійти' }).click();
}

test('first run → setup → login → the desk, every section reachable at 1366×768', async ({ page, desk }) => {
  test.setTimeout(180_000);
  await page.goto(desk.url);
  await saveScreen(page, 'desk-first-run');
  await runSetup(page);
  await saveScreen(page, 'desk-login');
  await logIn(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Видача довідки');
  await expect(page.getByText(HEAD.fullName)).toBeVisible();

  for (const [nav, heading, shot] of [
    ['Посвідчити довідку', 'Посвідчення довідки комітету чи ОСББ', 'certify'],
    ['Журнал', 'Журнал реєстрації довідок', 'journal'],
    ['Довідники', 'Довідники', 'directories'],
    ['Шаблони', 'Шаблони довідок', 'templates'],
    ['Звіти', 'Звіти', 'reports'],
    ['Перевірка документа', 'Перевірка документа', 'verify'],
    ['Обмін з віддаленими місцями', 'Обмін із віддаленими робочими місцями', 'exchange'],
    ['Налаштування', 'Налаштування', 'settings'],
    ['Про програму', 'Про програму', 'about'],
  ] as const) {
    await page.getByRole('navigation').getByRole('button', { name: nav }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    // Readable at 1366×768: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await saveScreen(page, `desk-${shot}`);
  }

  // The head edits a template and sees it filled with sample data before saving a new version.
  await page.getByRole('navigation').getByRole('button', { name: 'Шаблони' }).click();
  await page.getByRole('button', { name: /Довідка про склад сімʼї/ }).first().click();
  const preview = page.getByLabel('Попередній перегляд (зразкові дані)');
  await expect(preview).toContainText('Шевченку Тарасу Григоровичу');
  await page.getByLabel('Текст шаблону').fill('Видана гр. {{subject.dative}} {{nonexistent}}');
  await expect(page.getByText('Шаблон не можна зберегти:')).toBeVisible();
  await saveScreen(page, 'desk-templates-preview');

  // Alt+N opens a new certificate from anywhere.
  await page.keyboard.press('Alt+n');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Видача довідки');
  await saveScreen(page, 'desk-issue');
});

/** A signatory with the «Для довідок» seal (R7.10), added by the head in the directories. */
async function addSignatory(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Довідники' }).click();
  await page.getByRole('tab', { name: 'Підписанти' }).click();
  await page.getByLabel('ПІБ').fill('Коваленко Ірина Петрівна');
  await page.getByLabel('Посада', { exact: false }).first().fill('Начальник відділу ЦНАП');
  await page.getByLabel('Напис на печатці').fill('Для довідок');
  await page.getByRole('button', { name: 'Додати' }).click();
  await expect(page.getByRole('cell', { name: 'Коваленко Ірина Петрівна' })).toBeVisible();
}

async function fillMember(page: Page, index: number, name: [string, string, string], birthDate: string): Promise<void> {
  const row = page.getByRole('group', { name: `Особа ${index}` });
  await row.getByRole('textbox', { name: 'Прізвище' }).fill(name[0]);
  await row.getByRole('textbox', { name: 'Імʼя' }).fill(name[1]);
  await row.getByRole('textbox', { name: 'По батькові' }).fill(name[2]);
  await row.getByLabel('Дата народження').fill(birthDate);
}

test('a family certificate: Issue waits for the child’s birth certificate (R7.4.3), then the journal finds it', async ({ page, desk }) => {
  test.setTimeout(240_000);
  await page.goto(desk.url);
  await runSetup(page);
  await logIn(page);
  await addSignatory(page);

  await page.keyboard.press('Alt+n');
  await page.getByRole('checkbox', { name: 'Довідка про склад сімʼї (R7.1.2)' }).check();
  await page.getByRole('textbox', { name: 'Прізвище' }).first().fill('Шевченко');
  await page.getByRole('textbox', { name: 'Імʼя' }).first().fill('Тарас');
  await page.getByRole('textbox', { name: 'По батькові' }).first().fill('Григорович');
  await page.getByLabel('Населений пункт').fill('Глухів');
  await page.getByRole('textbox', { name: 'Будинок' }).fill('12');
  for (let index = 0; index < 3; index += 1) await page.getByRole('button', { name: 'Додати особу' }).click();
  await fillMember(page, 1, ['Шевченко', 'Тарас', 'Григорович'], '1980-03-09');
  await fillMember(page, 2, ['Шевченко', 'Ганна', 'Іванівна'], '1982-07-01');
  await fillMember(page, 3, ['Шевченко', 'Марія', 'Тарасівна'], '2016-05-10');
  await choose(page, 'Хто підписує', /Коваленко Ірина Петрівна/);
  await expect(page.getByLabel('Давальний відмінок (кому?)')).toHaveValue('Шевченку Тарасу Григоровичу');

  await page.getByRole('checkbox', { name: /документ, що посвідчує особу/ }).check();
  await page.getByLabel('Серія').fill('АБ');
  await page.getByLabel('Номер').fill('123456');
  await page.getByRole('checkbox', { name: /будинкова книга/ }).check();
  // R7.1.2: for a private house the title document is a ground of the family certificate.
  await page.getByRole('checkbox', { name: /свідоцтво про право власності/ }).check();

  const issue = page.getByRole('button', { name: 'Видати', exact: true });
  await expect(issue).toBeDisabled();
  await expect(page.getByRole('status').filter({ hasText: 'Бракує' })).toContainText('свідоцтво про народження дитини: Шевченко Марія Тарасівна (R7.4.3)');
  await saveScreen(page, 'desk-issue-waiting-for-child');

  await page.getByRole('checkbox', { name: /свідоцтво про народження дитини/ }).check();
  await page.getByLabel('Серія').nth(1).fill('I-БП');
  await page.getByLabel('Номер').nth(1).fill('654321');
  await expect(issue).toBeEnabled();
  await saveScreen(page, 'desk-issue-ready');
  await issue.click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Довідку видано');
  const registered = await page.getByRole('status').filter({ hasText: 'Зареєстровано в журналі' }).innerText();
  const printedNumber = /№ (\S+)\./.exec(registered)?.[1] ?? '';
  expect(printedNumber).not.toBe('');
  await saveScreen(page, 'desk-issue-done');

  // The issued PDF names the person in the dative and carries the journal's number.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Зберегти PDF' }).first().click();
  const pdfPath = await (await downloading).path();
  const pdfText = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(pdfText).toContain('Шевченку Тарасу Григоровичу');
  expect(pdfText).toContain(`№ ${printedNumber}`);

  // Search with a lower-case surname finds the entry.
  await page.getByRole('navigation').getByRole('button', { name: 'Журнал' }).click();
  await page.getByLabel('Пошук').fill('шевченко');
  await page.getByRole('button', { name: 'Шукати' }).click();
  const row = page.getByRole('row').filter({ hasText: printedNumber });
  await expect(row).toContainText('Шевченко Тарас Григорович');
  await saveScreen(page, 'desk-journal-found');

  // Handover, then annul and reissue: both numbers stay in the journal.
  await row.click();
  await page.getByRole('button', { name: 'Позначити видачу' }).click();
  await page.getByRole('button', { name: 'Підтвердити видачу' }).click();
  await expect(page.getByRole('dialog').getByText('Отримано').first()).toBeVisible();
  await page.getByRole('button', { name: 'Анулювати', exact: true }).click();
  await page.getByLabel('Причина анулювання').fill('Помилка в даті народження дитини');
  await page.getByRole('button', { name: 'Анулювати запис' }).click();
  await expect(page.getByRole('dialog').getByText('Анульовано').first()).toBeVisible();
  await saveScreen(page, 'desk-journal-annulled');
  await page.getByRole('button', { name: 'Видати заново' }).click();
  await expect(page.getByText(`замість анульованої довідки № ${printedNumber}`)).toBeVisible();
});

/** Fills a Mantine select by its label and the visible text of an option. */
async function choose(page: Page, label: string, option: RegExp | string): Promise<void> {
  // The options may still be loading when the list first opens (an empty list stays closed): reopen until they are there.
  let attempt = 0;
  await expect(async () => {
    if (attempt++ > 0) await page.getByRole('textbox', { name: label }).blur();
    await page.getByRole('textbox', { name: label }).click();
    await page.getByRole('option', { name: option }).first().click({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

test('a refusal for a missing house book (R7.4.2), with its notice registered', async ({ page, desk }) => {
  test.setTimeout(240_000);
  await page.goto(desk.url);
  await runSetup(page);
  await logIn(page);
  await addSignatory(page);
  await page.keyboard.press('Alt+n');
  await page.getByRole('checkbox', { name: /Довідка з місця реєстрації/ }).check();
  await page.getByRole('textbox', { name: 'Прізвище' }).first().fill('Ковальчук');
  await page.getByRole('textbox', { name: 'Імʼя' }).first().fill('Олена');
  await page.getByRole('textbox', { name: 'По батькові' }).first().fill('Петрівна');
  await page.getByLabel('Населений пункт').fill('Глухів');
  await page.getByRole('textbox', { name: 'Будинок' }).fill('7');
  await choose(page, 'Хто підписує', /Коваленко Ірина Петрівна/);
  await expect(page.getByLabel('Давальний відмінок (кому?)')).toHaveValue('Ковальчук Олені Петрівні');
  await page.getByRole('checkbox', { name: /документ, що посвідчує особу/ }).check();
  await choose(page, 'Який документ', /ID-картка/);
  await page.getByLabel('Номер').fill('001234567');
  await expect(page.getByRole('button', { name: 'Видати', exact: true })).toBeDisabled();
  await expect(page.getByRole('status').filter({ hasText: 'Бракує' })).toContainText('будинкова книга (приватний сектор) (R7.4.2)');

  await page.getByRole('button', { name: 'Відмовити' }).click();
  await expect(page.getByRole('dialog')).toContainText('(R7.4.2)');
  await saveScreen(page, 'desk-refusal-dialog');
  await page.getByRole('button', { name: 'Зареєструвати відмову' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Відмову зареєстровано');
  await expect(page.getByRole('row', { name: /Підстави відмови/ })).toContainText('R7.4.2');
  await saveScreen(page, 'desk-refusal-done');
});

/** A burial certificate of the committee «Берізка», signed by the deputy in the head's absence; data match left unconfirmed. */
async function fillCertification(page: Page): Promise<void> {
  await choose(page, 'Вид довідки (п. 7.5, 7.8, 7.9)', /Довідка про здійснення особою поховання/);
  await choose(page, 'Квартальний (будинковий) комітет', /Берізка/);
  await page.getByLabel('Дата видачі довідки').fill('2026-01-15');
  await page.getByRole('button', { name: 'Підписав заступник' }).click();
  await page.getByRole('radio', { name: /Відсутність голови підтверджено/ }).check();
  await page.getByRole('textbox', { name: 'Прізвище' }).nth(1).fill('Шевчук');
  await page.getByRole('textbox', { name: 'Імʼя' }).nth(1).fill('Петро');
  await page.getByRole('textbox', { name: 'По батькові' }).nth(1).fill('Андрійович');
  await page.getByLabel('Населений пункт').fill('Глухів');
  await page.getByRole('textbox', { name: 'Будинок' }).fill('3');
  await choose(page, 'Хто підписує', /Коваленко Ірина Петрівна/);
  await page.getByRole('checkbox', { name: /документ, що посвідчує особу/ }).check();
  await page.getByLabel('Серія').fill('КМ');
  await page.getByLabel('Номер').fill('765432');
  await page.getByRole('checkbox', { name: /будинкова книга/ }).check();
}

test('a certification refused for data that do not match (R7.6.6), then certified as signed by the deputy while the head was absent (R7.5)', async ({ page, desk }) => {
  test.setTimeout(300_000);
  await page.goto(desk.url);
  await runSetup(page);
  await logIn(page);
  await addSignatory(page);

  await page.getByRole('tab', { name: 'Комітети та ОСББ' }).click();
  await page.getByRole('button', { name: 'Додати комітет або ОСББ' }).click();
  await page.getByLabel('Номер комітету').fill('12');
  await page.getByRole('textbox', { name: 'Назва', exact: true }).fill('Квартальний комітет «Берізка»');
  await page.getByRole('button', { name: 'Зберегти' }).click();
  await page.getByRole('button', { name: /Посади: Квартальний комітет/ }).click();
  const posts = page.getByRole('heading', { name: /Посади: Квартальний/ }).locator('xpath=ancestor::div[contains(@class,"Paper")][1]');
  for (const [role, family, given, patronymic] of [
    ['Голова', 'Мельник', 'Василь', 'Іванович'],
    ['Заступник голови', 'Бондар', 'Ганна', 'Олексіївна'],
  ] as const) {
    await choose(page, 'Посада / роль', role);
    await posts.locator('input[type="date"]').last().fill('2020-01-01');
    await posts.getByRole('textbox', { name: 'Прізвище' }).fill(family);
    await posts.getByRole('textbox', { name: 'Імʼя' }).fill(given);
    await posts.getByRole('textbox', { name: 'По батькові' }).fill(patronymic);
    await posts.getByRole('button', { name: 'Додати' }).click();
    await expect(posts.getByRole('cell', { name: `${family} ${given} ${patronymic}` })).toBeVisible();
  }

  await page.getByRole('navigation').getByRole('button', { name: 'Посвідчити довідку' }).click();
  // R7.6.6: the certificate's data do not match the documents: certifying is impossible, the refusal is registered.
  await fillCertification(page);
  const certify = page.getByRole('button', { name: 'Посвідчити', exact: true });
  await expect(certify).toBeDisabled();
  await page.getByRole('button', { name: 'Відмовити' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Відмову зареєстровано');
  await expect(page.getByText('R7.6.6').first()).toBeVisible();
  await saveScreen(page, 'desk-certify-refused');
  await page.getByRole('button', { name: 'Наступна довідка' }).click();

  await fillCertification(page);
  await page.getByRole('checkbox', { name: /Відомості в довідці відповідають/ }).check();
  await expect(page.getByText(/підписав заступник голови Бондар Ганна Олексіївна: відсутність голови підтверджено/)).toBeVisible();
  await saveScreen(page, 'desk-certify-ready');
  await certify.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Довідку посвідчено');
  await saveScreen(page, 'desk-certify-done');
});

test('the same desk in English: login, sections and the issue form', async ({ page, desk }) => {
  test.setTimeout(180_000);
  await page.goto(desk.url);
  await runSetup(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in');
  await page.getByLabel('Login').fill(HEAD.login);
  await page.getByLabel('Password').fill(HEAD.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Issuing a certificate');
  await expect(page.getByRole('status').filter({ hasText: 'Missing' })).toContainText('(R7.4.1)');
  await page.getByRole('navigation').getByRole('button', { name: 'Journal' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Certificate register journal');
  await saveScreen(page, 'desk-journal-en');
  // The choice is remembered on this workplace.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
