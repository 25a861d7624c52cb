import type { Locator, Page } from '@playwright/test';
import type { CertificateDraft } from '../../shared/contract/channels/entries.js';
import { setUpSampleRegister, type SampleRegister } from '../../electron/app/sample-register.js';
import { expect, pageCall, saveScreen, test } from './fixtures.js';

/** A register set up through the wizard's channels, with the head logged in and the issue form open. */
async function openSetUpDesk(page: Page, url: string): Promise<SampleRegister & { call: ReturnType<typeof pageCall> }> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Перший запуск');
  const call = pageCall(page);
  const sample = await setUpSampleRegister(call);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Видача довідки', { timeout: 30_000 });
  return { ...sample, call };
}

const FOUR = [
  { name: { familyName: 'Мельник', givenName: 'Андрій', patronymic: 'Петрович' }, relation: 'applicant', birthDate: '1979-04-02' },
  { name: { familyName: 'Мельник', givenName: 'Оксана', patronymic: 'Іванівна' }, relation: 'wife', birthDate: '1983-11-15' },
  { name: { familyName: 'Мельник', givenName: 'Богдан', patronymic: 'Андрійович' }, relation: 'son', birthDate: '2012-02-20' },
  { name: { familyName: 'Мельник', givenName: 'Софія', patronymic: 'Андріївна' }, relation: 'daughter', birthDate: '2017-09-01' },
] as const;

/** A family certificate (R7.1.2) for a four-person household in a flat, with every document its checklist asks for. */
function familyOfFour(): CertificateDraft {
  const [head] = FOUR;
  return {
    kinds: ['family'],
    purpose: '',
    subject: { name: head.name, birthDate: head.birthDate, declined: { nominative: 'Мельник Андрій Петрович', dative: 'x', genitive: 'x', corrected: false } },
    address: { settlement: 'м. Глухів', street: 'вул. Київська', house: '7', apartment: '12' },
    applicant: { actsAs: 'self' },
    household: FOUR.map((member) => ({ ...member, name: { ...member.name } })),
    facts: { dwelling: 'apartment_building', actingForOther: false, titleRequested: false, guardianshipInvolved: false, deceasedMember: false },
    documents: [
      { requirementId: 'identity', type: 'passport_book', series: 'КА', number: '765432', issuer: 'Глухівський РВ УМВС', issuedOn: '1995-05-10' },
      { requirementId: 'housing_records', type: 'apartment_card' },
      { requirementId: 'child_birth:2', type: 'birth_certificate', series: 'I-БП', number: '112233' },
      { requirementId: 'child_birth:3', type: 'birth_certificate', series: 'I-БП', number: '445566' },
    ],
  };
}

/**
 * Every click, key press and typed character the test makes at the desk, counted: the budget of
 * a known household is measured, not assumed.
 */
function countingHands(page: Page) {
  const count = { clicks: 0, keystrokes: 0 };
  return {
    count,
    async click(target: Locator) {
      count.clicks += 1;
      await target.click();
    },
    async type(target: Locator, text: string) {
      count.keystrokes += [...text].length;
      await target.pressSequentially(text);
    },
    async press(key: string) {
      count.keystrokes += 1;
      await page.keyboard.press(key);
    },
  };
}

test('a known four-person household: a family certificate in at most 15 clicks and 40 keystrokes', async ({ page, desk }) => {
  test.setTimeout(180_000);
  const { call, journalId, signatoryId } = await openSetUpDesk(page, desk.url);
  const earlier = (await call('entries.issueCertificate', { journalId, signatoryId, certificate: familyOfFour() })).entry;

  const hands = countingHands(page);
  await hands.click(page.getByRole('checkbox', { name: /^Довідка про склад сімʼї/ }));
  await hands.click(page.getByRole('textbox', { name: 'Прізвище' }).first());
  await hands.type(page.getByRole('textbox', { name: 'Прізвище' }).first(), 'Мельник');
  await hands.press('Tab');
  await hands.type(page.getByRole('textbox', { name: 'Імʼя' }).first(), 'Андрій');
  await hands.press('Tab');
  await hands.type(page.getByRole('textbox', { name: 'По батькові' }).first(), 'Петрович');

  // The register knows him: his latest certificate's household, documents and forms come in to confirm.
  const notice = page.getByRole('region', { name: `Взято з довідки № ${earlier.printedNumber} від ${earlier.localDate.split('-').reverse().join('.')}` });
  await expect(notice).toBeVisible({ timeout: 15_000 });
  for (const [index, member] of FOUR.entries()) {
    await expect(page.getByRole('group', { name: `Особа ${index + 1}` }).getByRole('textbox', { name: 'Імʼя' })).toHaveValue(member.name.givenName);
  }
  await expect(page.getByRole('textbox', { name: 'Будинок' })).toHaveValue('7');
  await expect(page.getByRole('textbox', { name: 'Квартира' })).toHaveValue('12');
  await expect(page.getByLabel('Давальний відмінок (кому?)')).toHaveValue('Мельнику Андрію Петровичу');
  const issue = page.getByRole('button', { name: 'Видати', exact: true });
  // The documents are ticked with their numbers, but count once the administrator confirms them (R7.4).
  await expect(issue).toBeDisabled();
  await expect(page.getByRole('status').filter({ hasText: 'Бракує' })).toContainText(`підтвердження даних, взятих з довідки № ${earlier.printedNumber}`);
  await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
  await saveScreen(page, 'prefill-known-household', { fullPage: false });

  await hands.click(notice.getByRole('button', { name: 'Підтвердити' }));
  await expect(issue).toBeEnabled();
  await hands.click(issue);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Довідку видано');

  const issued = await call('journal.search', { text: 'Мельник', page: 1, pageSize: 5 });
  const latest = issued.items[0];
  expect(latest?.id).not.toBe(earlier.id);
  const content = latest?.content;
  if (content?.sort !== 'certificate') throw new Error('not a certificate');
  expect(content.household.map((member) => member.name.givenName)).toEqual(FOUR.map((member) => member.name.givenName));
  expect(content.documents.find((doc) => doc.requirementId === 'identity')).toMatchObject({ number: '765432', issuer: 'Глухівський РВ УМВС', issuedOn: '1995-05-10' });

  console.log(`known household: ${hands.count.clicks} clicks, ${hands.count.keystrokes} keystrokes`);
  expect(hands.count.clicks).toBeLessThanOrEqual(15);
  expect(hands.count.keystrokes).toBeLessThanOrEqual(40);
});

test('a household at a known address comes in for a new applicant, and «Очистити» takes it back out', async ({ page, desk }) => {
  test.setTimeout(180_000);
  const { call, journalId, signatoryId } = await openSetUpDesk(page, desk.url);
  const earlier = (await call('entries.issueCertificate', { journalId, signatoryId, certificate: familyOfFour() })).entry;

  await page.getByRole('checkbox', { name: /^Довідка про склад сімʼї/ }).check();
  await page.getByRole('textbox', { name: 'Прізвище' }).first().fill('Мельник');
  await page.getByRole('textbox', { name: 'Імʼя' }).first().fill('Оксана');
  await page.getByRole('textbox', { name: 'По батькові' }).first().fill('Іванівна');
  await page.getByLabel('Населений пункт').fill('Глухів');
  await page.getByRole('textbox', { name: 'Вулиця' }).fill('Київська');
  await page.getByRole('textbox', { name: 'Будинок' }).fill('7');
  await page.getByRole('textbox', { name: 'Квартира' }).fill('12');
  const notice = page.getByRole('region', { name: new RegExp(`Взято з довідки № ${earlier.printedNumber}`) });
  await expect(notice).toContainText('За цією адресою вже видавали довідку', { timeout: 15_000 });
  await expect(page.getByRole('group', { name: 'Особа 4' }).getByRole('textbox', { name: 'Імʼя' })).toHaveValue('Софія');
  // Another person applies: the household's documents come, her own identity document does not.
  await expect(page.getByRole('checkbox', { name: /свідоцтво про народження дитини: Мельник Софія Андріївна/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^документ, що посвідчує особу/ })).not.toBeChecked();

  await notice.getByRole('button', { name: 'Очистити' }).click();
  await expect(notice).toBeHidden();
  await expect(page.getByRole('group', { name: 'Особа 1' })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Імʼя' }).first()).toHaveValue('Оксана');
  // Cleared once, the same entry is not offered again on this form.
  await page.getByRole('textbox', { name: 'Квартира' }).fill('12 ');
  await page.waitForTimeout(1_500);
  await expect(page.getByRole('region', { name: /Взято з довідки/ })).toHaveCount(0);
});

test('«Видати заново» carries the whole case back, the gender chosen for a name that does not tell it included', async ({ page, desk }) => {
  test.setTimeout(180_000);
  const { call, journalId, signatoryId } = await openSetUpDesk(page, desk.url);
  const draft = familyOfFour();
  const sasha = { familyName: 'Бойко', givenName: 'Саша' };
  draft.subject = { name: sasha, birthDate: '1979-04-02', declined: { nominative: 'Бойко Саша', dative: 'x', genitive: 'x', corrected: false, gender: 'female' } };
  draft.household = [{ name: sasha, relation: 'applicant', birthDate: '1979-04-02' }, ...draft.household.slice(1)];
  const annulled = (await call('entries.issueCertificate', { journalId, signatoryId, certificate: draft })).entry;
  await call('entries.annul', { entryId: annulled.id, reason: 'Помилка в адресі' });

  await page.getByRole('navigation').getByRole('button', { name: 'Журнал' }).click();
  await page.getByRole('row').filter({ hasText: annulled.printedNumber }).click();
  await page.getByRole('button', { name: 'Видати заново' }).click();
  await expect(page.getByText(`замість анульованої довідки № ${annulled.printedNumber}`)).toBeVisible();
  const notice = page.getByRole('region', { name: new RegExp(`Взято з довідки № ${annulled.printedNumber}`) });
  await expect(notice).toBeVisible();

  // The gender chosen then is chosen again, so the forms are the woman's; the household and the
  // documents with their numbers are back; the signatory too.
  await expect(page.getByRole('radio', { name: 'Жіноча' })).toBeChecked({ timeout: 15_000 });
  await expect(page.getByLabel('Давальний відмінок (кому?)')).toHaveValue('Бойко Саші');
  await expect(page.getByRole('group', { name: 'Особа 3' }).getByRole('textbox', { name: 'Імʼя' })).toHaveValue('Богдан');
  await expect(page.getByRole('checkbox', { name: /свідоцтво про народження дитини: Мельник Богдан Андрійович/ })).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Номер' }).first()).toHaveValue('765432');
  const issue = page.getByRole('button', { name: 'Видати', exact: true });
  await expect(issue).toBeDisabled();
  await saveScreen(page, 'prefill-reissue', { fullPage: false });

  await notice.getByRole('button', { name: 'Підтвердити' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Довідку можна видати' })).toBeVisible();
  await issue.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Довідку видано');
  const reissued = (await call('journal.search', { text: 'Бойко', page: 1, pageSize: 5 })).items.find((entry) => entry.reissueOf?.entryId === annulled.id);
  expect(reissued?.content.sort === 'certificate' && reissued.content.subject.declined).toMatchObject({ gender: 'female', dative: 'Бойко Саші' });
});

test('a name that does not tell its gender: «Видати» waits for the choice, as main would', async ({ page, desk }) => {
  test.setTimeout(120_000);
  await openSetUpDesk(page, desk.url);
  await page.getByRole('checkbox', { name: /^Довідка з місця реєстрації/ }).check();
  await page.getByRole('textbox', { name: 'Прізвище' }).first().fill('Бойко');
  await page.getByRole('textbox', { name: 'Імʼя' }).first().fill('Саша');
  await expect(page.getByRole('radio', { name: 'Жіноча' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Бракує' })).toContainText('стать особи');
  await page.getByRole('radio', { name: 'Чоловіча' }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Бракує' })).not.toContainText('стать особи');
});
