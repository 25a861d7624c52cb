import { execFileSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import type { CertificateDraft } from '../../shared/contract/channels/entries.js';
import { SAMPLE_HEAD, setUpSampleRegister, type SampleRegister } from '../../electron/app/sample-register.js';
import { expect, pageCall, saveScreen, test, typeDate } from './fixtures.js';

/**
 * A register set up through the same channels the wizard uses (the wizard itself is covered by
 * desk-flows.spec.ts), with the head logged in on this page and the desk open.
 */
async function openSetUpDesk(page: Page, url: string): Promise<SampleRegister & { call: ReturnType<typeof pageCall> }> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Перший запуск');
  const call = pageCall(page);
  const sample = await setUpSampleRegister(call);
  await page.reload();
  // The register's start-up checks may still be running on a busy machine: give the first screen time.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Видача довідки', { timeout: 30_000 });
  return { ...sample, call };
}

async function logInAgain(page: Page): Promise<void> {
  await page.getByLabel('Пароль').fill(SAMPLE_HEAD.password);
  await page.getByRole('button', { name: 'Розблокувати' }).click();
}

/** A family certificate (R7.1.2) for a flat, with every document its checklist asks for. */
function familyCertificate(): CertificateDraft {
  const name = { familyName: 'Шевченко', givenName: 'Тарас', patronymic: 'Григорович' };
  return {
    kinds: ['family'],
    purpose: 'для пред’явлення за місцем вимоги',
    subject: { name, birthDate: '1980-03-09', declined: { nominative: 'Шевченко Тарас Григорович', dative: 'x', genitive: 'x', corrected: false } },
    address: { settlement: 'м. Глухів', street: 'вул. Київська', house: '12', apartment: '5' },
    applicant: { actsAs: 'self' },
    household: [
      { name, relation: 'applicant', birthDate: '1980-03-09' },
      { name: { familyName: 'Шевченко', givenName: 'Марʼяна', patronymic: 'Іванівна' }, relation: 'wife', birthDate: '1982-05-01' },
      { name: { familyName: 'Шевченко', givenName: 'Ґаля', patronymic: 'Тарасівна' }, relation: 'daughter', birthDate: '2015-07-20' },
    ],
    facts: { dwelling: 'apartment_building', actingForOther: false, titleRequested: false, guardianshipInvolved: false, deceasedMember: false },
    documents: [
      { requirementId: 'identity', type: 'passport_book', series: 'КВ', number: '123456' },
      { requirementId: 'housing_records', type: 'apartment_card' },
      { requirementId: 'child_birth:2', type: 'birth_certificate', series: 'I-БП', number: '654321' },
    ],
  };
}

test('street suggestions come from the directory while the address is typed', async ({ page, desk }) => {
  test.setTimeout(120_000);
  const { call } = await openSetUpDesk(page, desk.url);
  const town = await call('directories.settlements.save', { kind: 'city', name: 'Глухів' });
  for (const [kind, name] of [
    ['street', 'Шевченка'],
    ['street', 'Вʼячеслава Чорновола'],
    ['lane', 'Шевський'],
    ['street', 'Київська'],
  ] as const) {
    await call('directories.streets.save', { settlementId: town.id, kind, name });
  }

  const street = page.getByRole('textbox', { name: 'Вулиця' });
  await street.fill('шев');
  await expect(page.getByRole('option', { name: 'вул. Шевченка' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'пров. Шевський' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'вул. Київська' })).toHaveCount(0);
  await saveScreen(page, 'gaps-street-suggestions');
  await page.getByRole('option', { name: 'вул. Шевченка' }).click();
  await expect(street).toHaveValue('вул. Шевченка');

  // The directory folds apostrophes and street-kind words; the list must not hide what it found.
  await street.fill('');
  await street.pressSequentially("В'ячесл");
  await expect(page.getByRole('option', { name: 'вул. Вʼячеслава Чорновола' })).toBeVisible();
  await street.fill('вулиця Київ');
  await expect(page.getByRole('option', { name: 'вул. Київська' })).toBeVisible();
  await saveScreen(page, 'gaps-street-suggestions-apostrophe');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(street).toHaveValue('вул. Київська');
});

test('the person finder carries an earlier entry’s case in, its documents counting once the administrator confirms them', async ({ page, desk }) => {
  test.setTimeout(120_000);
  const { call, journalId, signatoryId } = await openSetUpDesk(page, desk.url);
  const { entry } = await call('entries.issueCertificate', { journalId, signatoryId, certificate: familyCertificate() });

  // A document ticked for the previous visitor must not survive choosing another person: the entry's own come instead.
  await page.getByRole('checkbox', { name: /документ, що посвідчує особу/ }).check();
  await page.getByLabel('Номер').fill('999999');
  await page.getByRole('button', { name: 'Знайти серед попередніх' }).click();
  const finder = page.getByRole('dialog', { name: 'Пошук особи в журналі' });
  await finder.getByLabel('Прізвище, імʼя або адреса').fill('шевченко');
  await finder.getByRole('button', { name: 'Шукати' }).click();
  await expect(finder.getByText(`Запис № ${entry.printedNumber}`)).toBeVisible();
  await saveScreen(page, 'gaps-person-finder');
  await finder.getByText('Шевченко Тарас Григорович').click();
  await expect(finder).toBeHidden();

  await expect(page.getByRole('textbox', { name: 'Прізвище' }).first()).toHaveValue('Шевченко');
  await expect(page.getByRole('textbox', { name: 'Імʼя' }).first()).toHaveValue('Тарас');
  await expect(page.getByLabel('Населений пункт')).toHaveValue('м. Глухів');
  await expect(page.getByRole('textbox', { name: 'Вулиця' })).toHaveValue('вул. Київська');
  await expect(page.getByRole('textbox', { name: 'Будинок' })).toHaveValue('12');
  await expect(page.getByRole('checkbox', { name: 'Довідка про склад сімʼї (п. 7.1.2)' })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Особа 3' }).getByRole('textbox', { name: 'Імʼя' })).toHaveValue('Ґаля');
  // The entry's documents are ticked with their numbers, but are presented anew each time (R7.4): Issue waits for the confirmation.
  await expect(page.getByRole('checkbox', { name: /документ, що посвідчує особу/ })).toBeChecked();
  await expect(page.getByLabel('Номер').first()).toHaveValue('123456');
  const issue = page.getByRole('button', { name: 'Видати', exact: true });
  await expect(issue).toBeDisabled();
  await expect(page.getByRole('status').filter({ hasText: 'Бракує' })).toContainText(`підтвердження даних, взятих з довідки № ${entry.printedNumber}`);
  await page.getByRole('region', { name: new RegExp(`Взято з довідки № ${entry.printedNumber}`) }).getByRole('button', { name: 'Підтвердити' }).click();
  await expect(issue).toBeEnabled();
  await saveScreen(page, 'gaps-person-finder-prefilled');
});

test('the desk locks after the idle time set in the settings, and a password opens it again', async ({ page, desk }) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await openSetUpDesk(page, desk.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Налаштування' }).click();
  await page.getByLabel('Блокування через бездіяльність, хв').fill('1');
  await page.getByRole('button', { name: 'Зберегти' }).first().click();
  await expect(page.getByText('Збережено.')).toBeVisible();

  // Not yet: half a minute without activity leaves the desk open.
  await page.clock.fastForward('00:30');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Налаштування');
  await page.clock.fastForward('00:45');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Програму заблоковано');
  await saveScreen(page, 'gaps-idle-locked');

  // Behind the lock the server has forgotten the login too.
  const me = await pageCall(page)('auth.me', {});
  expect(me.user).toBeNull();
  await logInAgain(page);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Програму заблоковано');
  await expect(page.getByText(SAMPLE_HEAD.fullName)).toBeVisible();
  await saveScreen(page, 'gaps-idle-unlocked');
});

test('R7.15: the head adds a kind by decision, and it is issued like any other', async ({ page, desk }) => {
  test.setTimeout(180_000);
  await openSetUpDesk(page, desk.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Шаблони' }).click();
  await page.getByRole('button', { name: 'Новий вид довідки (п. 7.15)' }).click();
  await page.getByLabel('Номер рішення').fill('245');
  await typeDate(page.getByRole('textbox', { name: 'Дата рішення' }), '20.01.2026');
  await page.getByLabel('Ідентифікатор').fill('garden_plot');
  await page.getByLabel('Назва довідки').fill('Довідка про користування присадибною ділянкою');
  await page.getByRole('button', { name: 'Додати', exact: true }).click();
  await page.getByLabel('Код вимоги').fill('land_use');
  await page.getByLabel('Документ (як у рішенні)').fill('державний акт на право користування землею');
  // An empty multi-select shows a 1 px high input inside its box: click the box where a person would.
  await page.getByRole('textbox', { name: 'Типи документів' }).click({ force: true });
  await page.getByRole('option', { name: 'правовстановлюючий документ на житло' }).click();
  await page.keyboard.press('Escape');
  await page.getByLabel('Текст шаблону').first().fill('Видана гр. {{subject.dative}} про те, що він(вона) користується присадибною ділянкою за адресою {{address}}.');
  await saveScreen(page, 'gaps-new-kind-form');
  await page.getByRole('button', { name: 'Додати вид довідки' }).click();
  await expect(page.getByRole('button', { name: /Довідка про користування присадибною ділянкою/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Довідка про користування присадибною ділянкою' })).toBeVisible();
  await expect(page.getByLabel('Текст шаблону')).toHaveValue(/присадибною ділянкою за адресою \{\{address\}\}/);
  await saveScreen(page, 'gaps-new-kind-added');

  await page.keyboard.press('Alt+n');
  const kind = page.getByRole('checkbox', { name: 'Довідка про користування присадибною ділянкою (п. 7.15, рішення № 245 від 20.01.2026)' });
  await kind.check();
  await page.getByRole('textbox', { name: 'Прізвище' }).first().fill('Ковальчук');
  await page.getByRole('textbox', { name: 'Імʼя' }).first().fill('Олена');
  await page.getByRole('textbox', { name: 'По батькові' }).first().fill('Петрівна');
  await page.getByLabel('Населений пункт').fill('Глухів');
  await page.getByRole('textbox', { name: 'Будинок' }).fill('7');
  const ground = page.getByRole('checkbox', { name: 'державний акт на право користування землею (п. 7.15)' });
  await expect(ground).toBeVisible();
  await page.getByRole('checkbox', { name: /документ, що посвідчує особу/ }).check();
  await page.getByLabel('Серія').fill('КВ');
  await page.getByLabel('Номер').fill('123456');
  await page.getByRole('checkbox', { name: /будинкова книга/ }).check();
  const issue = page.getByRole('button', { name: 'Видати', exact: true });
  await expect(issue).toBeDisabled();
  await expect(page.getByRole('status').filter({ hasText: 'Бракує' })).toContainText('державний акт на право користування землею (п. 7.15)');
  await ground.check();
  await chooseSignatory(page);
  await expect(issue).toBeEnabled();
  await saveScreen(page, 'gaps-new-kind-issue');
  await issue.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Довідку видано');
  await expect(page.getByText('Довідка про користування присадибною ділянкою').first()).toBeVisible();
  await saveScreen(page, 'gaps-new-kind-issued');
});

/** The «Для довідок» signatory of the sample register; the list may still be loading when it first opens. */
async function chooseSignatory(page: Page): Promise<void> {
  let attempt = 0;
  await expect(async () => {
    if (attempt++ > 0) await page.getByRole('textbox', { name: 'Хто підписує' }).blur();
    await page.getByRole('textbox', { name: 'Хто підписує' }).click();
    await page.getByRole('option', { name: /ПЕТРЕНКО/ }).first().click({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

test('a report downloads as an XLSX workbook with the same figures as the table', async ({ page, desk }) => {
  test.setTimeout(120_000);
  const { call, journalId, signatoryId } = await openSetUpDesk(page, desk.url);
  await call('entries.issueCertificate', { journalId, signatoryId, certificate: familyCertificate() });
  await call('entries.issueCertificate', { journalId, signatoryId, certificate: familyCertificate() });

  await page.getByRole('navigation').getByRole('button', { name: 'Звіти' }).click();
  await page.getByRole('button', { name: 'Сформувати' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Довідка про склад сімʼї' });
  await expect(row).toBeVisible();
  const shown = (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim());
  await saveScreen(page, 'gaps-report-xlsx');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Експорт у XLSX' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^report-kind-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0];
  expect(sheet?.getCell(2, 1).value).toMatch(/^Період: з 01\.\d{2}\.\d{4} по \d{2}\.\d{2}\.\d{4}$/);
  const headers = (sheet?.getRow(5).values as unknown[]).slice(1);
  expect(headers).toEqual(['За видом', 'Довідки', 'Посвідчення', 'Відмови', 'Анульовані', 'Усього']);
  const cells = (sheet?.getRow(6).values as unknown[]).slice(1);
  expect(cells).toEqual([shown[0], ...shown.slice(1).map(Number)]);
  // Two family certificates were issued, nothing else: certificates 2, total 2, numbers as numbers.
  expect(cells.slice(1)).toEqual([2, 0, 0, 0, 2]);
});

/** The head adds a kind by decision on the templates screen (R7.15), certified or issued. */
async function addKindOnTemplatesScreen(page: Page, kind: { slug: string; title: string; sort: 'issued' | 'certified'; ground: string; template: string }): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Шаблони' }).click();
  await page.getByRole('button', { name: 'Новий вид довідки (п. 7.15)' }).click();
  await page.getByLabel('Номер рішення').fill('311');
  await typeDate(page.getByRole('textbox', { name: 'Дата рішення' }), '10022026', '10.02.2026');
  await page.getByLabel('Ідентифікатор').fill(kind.slug);
  await page.getByLabel('Назва довідки').fill(kind.title);
  await page.getByRole('radio', { name: kind.sort === 'certified' ? 'ЦНАП посвідчує довідку комітету' : 'ЦНАП видає сам' }).check();
  await page.getByRole('button', { name: 'Додати', exact: true }).click();
  await page.getByLabel('Код вимоги').fill('land_use');
  await page.getByLabel('Документ (як у рішенні)').fill(kind.ground);
  await page.getByRole('textbox', { name: 'Типи документів' }).click({ force: true });
  await page.getByRole('option', { name: 'правовстановлюючий документ на житло' }).click();
  await page.keyboard.press('Escape');
  await page.getByLabel('Текст шаблону').first().fill(kind.template);
  await page.getByRole('button', { name: 'Додати вид довідки' }).click();
  await expect(page.getByRole('heading', { name: kind.title })).toBeVisible();
}

test('R7.15: a certified kind the head adds is offered on the certify screen, certified, printed and counted', async ({ page, desk }) => {
  test.setTimeout(240_000);
  const { call } = await openSetUpDesk(page, desk.url);
  const body = await call('directories.bodies.save', { type: 'committee', committeeKind: 'quarter', number: '4', name: 'Квартальний комітет «Сіверський»', territory: '', legalEntity: false, hasSeal: false });
  await call('directories.bodies.addPost', { bodyId: body.id, role: 'head', name: { familyName: 'Мельник', givenName: 'Василь', patronymic: 'Іванович' }, from: '2020-01-01' });
  const title = 'Довідка про обробіток присадибної ділянки';
  const ground = 'акт обстеження присадибної ділянки комітетом';
  await addKindOnTemplatesScreen(page, {
    slug: 'garden_tillage',
    title,
    sort: 'certified',
    ground,
    template: 'Підпис {{signer.roleGenitive}} на довідці «{{kind.title}}» від {{certificateDate}} засвідчую.',
  });

  await page.getByRole('navigation').getByRole('button', { name: 'Посвідчити довідку' }).click();
  await page.getByRole('textbox', { name: 'Вид довідки (п. 7.5, 7.8, 7.9)' }).click();
  const offered = page.getByRole('option', { name: `${title} (п. 7.15, рішення № 311 від 10.02.2026)` });
  await expect(offered).toBeVisible();
  await offered.click();
  await page.getByRole('textbox', { name: 'Квартальний (будинковий) комітет' }).click();
  await page.getByRole('option', { name: /Сіверський/ }).click();
  await typeDate(page.getByRole('textbox', { name: 'Дата видачі довідки' }), '16.2.2026', '16.02.2026');
  await page.getByRole('button', { name: 'Підписав голова' }).click();
  await page.getByRole('textbox', { name: 'Прізвище' }).nth(1).fill('Ковальчук');
  await page.getByRole('textbox', { name: 'Імʼя' }).nth(1).fill('Олена');
  await page.getByRole('textbox', { name: 'По батькові' }).nth(1).fill('Петрівна');
  await page.getByLabel('Населений пункт').fill('Глухів');
  await page.getByRole('textbox', { name: 'Будинок' }).fill('7');
  await chooseSignatory(page);
  await page.getByRole('checkbox', { name: /документ, що посвідчує особу/ }).check();
  await page.getByLabel('Серія').fill('КВ');
  await page.getByLabel('Номер').fill('123456');
  await page.getByRole('checkbox', { name: /будинкова книга/ }).check();
  await page.getByRole('checkbox', { name: /Відомості в довідці відповідають/ }).check();

  // The decision's own checklist item (R7.15) is asked for like any other.
  const certify = page.getByRole('button', { name: 'Посвідчити', exact: true });
  await expect(certify).toBeDisabled();
  await expect(page.getByRole('status').filter({ hasText: 'Бракує' })).toContainText(`${ground} (п. 7.15)`);
  await page.getByRole('checkbox', { name: `${ground} (п. 7.15)` }).check();
  await expect(certify).toBeEnabled();
  await saveScreen(page, 'gaps-certify-custom-kind');
  await page.getByRole('heading', { name: 'Особа, про яку довідка' }).evaluate((heading) => heading.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: path.join('test-results', 'screens', 'gaps-certify-person-1366.png') });
  await certify.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Довідку посвідчено');
  await expect(page.getByText(title).first()).toBeVisible();
  await saveScreen(page, 'gaps-certify-custom-kind-done');

  // The inscription names the kind by its title as the decision worded it.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Зберегти PDF' }).first().click();
  const download = await downloading;
  const pdfPath = await download.path();
  await download.saveAs(path.join('test-results', 'screens', 'gaps-custom-kind-inscription.pdf'));
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain(title);

  // Reports count it under its own title, as a certification.
  await page.getByRole('navigation').getByRole('button', { name: 'Звіти' }).click();
  await page.getByRole('button', { name: 'Сформувати' }).click();
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row).toBeVisible();
  expect((await row.getByRole('cell').allInnerTexts()).map((cell) => cell.trim())).toEqual([title, '0', '1', '0', '0', '1']);
});

test('street suggestions keep to the settlement typed in the address', async ({ page, desk }) => {
  test.setTimeout(120_000);
  const { call } = await openSetUpDesk(page, desk.url);
  const town = await call('directories.settlements.save', { kind: 'city', name: 'Глухів' });
  const village = await call('directories.settlements.save', { kind: 'village', name: 'Землянка' });
  await call('directories.streets.save', { settlementId: town.id, kind: 'street', name: 'Шевченка' });
  await call('directories.streets.save', { settlementId: town.id, kind: 'lane', name: 'Шевський' });
  await call('directories.streets.save', { settlementId: village.id, kind: 'street', name: 'Шевчука' });

  const settlement = page.getByLabel('Населений пункт');
  const street = page.getByRole('textbox', { name: 'Вулиця' });
  await settlement.fill('с. Землянка');
  await street.fill('шев');
  await expect(page.getByRole('option', { name: 'вул. Шевчука' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'вул. Шевченка' })).toHaveCount(0);
  await expect(page.getByRole('option', { name: 'пров. Шевський' })).toHaveCount(0);
  await saveScreen(page, 'gaps-street-suggestions-village');

  await settlement.fill('м. Глухів');
  await street.fill('');
  await street.fill('шев');
  await expect(page.getByRole('option', { name: 'вул. Шевченка' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'пров. Шевський' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'вул. Шевчука' })).toHaveCount(0);
  // The viewport as an old laptop shows it (1366×768, playwright.config.ts), the list open under the street.
  await page.getByRole('heading', { name: 'Адреса' }).evaluate((heading) => heading.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: path.join('test-results', 'screens', 'gaps-issue-address-1366.png') });
});

test('a name that does not tell its gender: the administrator chooses it, and main issues with those forms', async ({ page, desk }) => {
  test.setTimeout(180_000);
  await openSetUpDesk(page, desk.url);
  await page.getByRole('checkbox', { name: /Довідка з місця реєстрації/ }).check();
  // «Саша» is a man's and a woman's name; with no patronymic the name does not decide.
  await page.getByRole('textbox', { name: 'Прізвище' }).first().fill('Бойко');
  await page.getByRole('textbox', { name: 'Імʼя' }).first().fill('Саша');
  await page.getByLabel('Населений пункт').fill('Глухів');
  await page.getByRole('textbox', { name: 'Будинок' }).fill('3');
  const gender = page.getByRole('radiogroup', { name: 'Стать (за іменем не визначається)' });
  await expect(gender).toBeVisible();
  await gender.getByRole('radio', { name: 'Жіноча' }).check();
  await expect(page.getByLabel('Давальний відмінок (кому?)')).toHaveValue('Бойко Саші');
  // A slip is put right in the same place: the choice stays in view.
  await gender.getByRole('radio', { name: 'Чоловіча' }).check();
  await expect(page.getByLabel('Давальний відмінок (кому?)')).toHaveValue('Бойку Саші');
  await saveScreen(page, 'gaps-declension-gender-chosen');

  await page.getByRole('checkbox', { name: /документ, що посвідчує особу/ }).check();
  await page.getByLabel('Серія').fill('КВ');
  await page.getByLabel('Номер').fill('123456');
  await page.getByRole('checkbox', { name: /будинкова книга/ }).check();
  await chooseSignatory(page);
  const issue = page.getByRole('button', { name: 'Видати', exact: true });
  await expect(issue).toBeEnabled();
  await issue.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Довідку видано');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Зберегти PDF' }).first().click();
  const pdfText = execFileSync('pdftotext', ['-layout', await (await downloading).path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(pdfText).toContain('Видана гр. Бойку Саші');
});
