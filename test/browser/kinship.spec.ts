import { execFileSync } from 'node:child_process';
import { setUpSampleRegister } from '../../electron/app/sample-register.js';
import { expect, pageCall, saveScreen, test, typeDate } from './fixtures.js';

/**
 * R7.1.4: one kinship document — the one ticked in the checklist, offered by the kinship (a wife's
 * marriage certificate) — and a document that does not prove the kinship asks before issuing.
 */
test('a breadwinner certificate for a widow: one kinship document choice, a mismatch asks, the paper speaks of her late husband', async ({ page, desk }) => {
  test.setTimeout(240_000);
  await page.goto(desk.url);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Перший запуск');
  await setUpSampleRegister(pageCall(page));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Видача довідки', { timeout: 30_000 });

  await page.getByRole('checkbox', { name: /Довідка про спільне проживання з годувальником/ }).check();
  const names = (label: string) => page.getByRole('textbox', { name: label, exact: true });
  await names('Прізвище').first().fill('Бойко');
  await names('Імʼя').first().fill('Ольга');
  await names('По батькові').first().fill('Романівна');
  await page.getByLabel('Населений пункт').fill('м. Глухів');
  await page.getByRole('textbox', { name: 'Будинок' }).fill('4');
  const deceased = page.getByRole('heading', { name: 'Померлий годувальник' }).locator('xpath=ancestor::div[contains(@class, "Paper")][1]');
  await deceased.getByRole('textbox', { name: 'Прізвище', exact: true }).fill('Бойко');
  await deceased.getByRole('textbox', { name: 'Імʼя', exact: true }).fill('Микола');
  await deceased.getByRole('textbox', { name: 'По батькові', exact: true }).fill('Іванович');
  await typeDate(deceased.getByRole('textbox', { name: 'Дата смерті' }), '02.10.2025');
  await deceased.getByRole('textbox', { name: 'Родинний звʼязок' }).fill('дружина');
  // The deceased's section no longer has its own document choice: the checklist's is the only one.
  await expect(page.getByRole('textbox', { name: 'Документ про родинний звʼязок' })).toHaveCount(0);

  await page.getByRole('checkbox', { name: /документ, що посвідчує особу/ }).check();
  await page.getByLabel('Серія').first().fill('КВ');
  await page.getByLabel('Номер').first().fill('123456');
  await page.getByRole('checkbox', { name: /будинкова книга/ }).check();
  await page.getByRole('checkbox', { name: /документ, що підтверджує родинні стосунки/ }).check();
  // A wife's kinship is proved by the marriage certificate: it is the one offered (identity, house book, kinship).
  const kinshipType = page.getByRole('textbox', { name: 'Який документ' }).nth(2);
  await expect(kinshipType).toHaveValue('свідоцтво про шлюб');
  // The administrator picks the birth certificate instead.
  await kinshipType.click();
  await page.getByRole('option', { name: 'свідоцтво про народження' }).click();
  await page.getByLabel('Серія').nth(1).fill('I-БП');
  await page.getByLabel('Номер').nth(1).fill('654321');
  await page.getByRole('checkbox', { name: /свідоцтво про смерть годувальника/ }).check();
  await page.getByLabel('Серія').nth(2).fill('I-СМ');
  await page.getByLabel('Номер').nth(2).fill('333444');

  let attempt = 0;
  await expect(async () => {
    if (attempt++ > 0) await page.getByRole('textbox', { name: 'Хто підписує' }).blur();
    await page.getByRole('textbox', { name: 'Хто підписує' }).click();
    await page.getByRole('option', { name: /ПЕТРЕНКО/ }).first().click({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  const issue = page.getByRole('button', { name: 'Видати', exact: true });
  await expect(issue).toBeEnabled({ timeout: 30_000 });
  await issue.click();
  const ask = page.getByRole('dialog', { name: 'Документ не відповідає родинному звʼязку' });
  await expect(ask).toContainText('свідоцтво про шлюб');
  await saveScreen(page, 'kinship-mismatch-asks');
  await ask.getByRole('button', { name: 'Скасувати' }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Видача довідки');

  // Back to the marriage certificate: nothing to ask, the certificate is issued.
  await kinshipType.click();
  await page.getByRole('option', { name: 'свідоцтво про шлюб' }).click();
  await page.getByLabel('Серія').nth(1).fill('I-ЖС');
  await page.getByLabel('Номер').nth(1).fill('111222');
  await issue.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Довідку видано');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Зберегти PDF' }).first().click();
  const text = execFileSync('pdftotext', ['-layout', await (await downloading).path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('який помер 02.10.2025, проживала спільно з ним');
  expect(text).toContain('Родинний звʼязок з померлим: дружина; документ, що його підтверджує: свідоцтво про шлюб серії I-ЖС № 111222');
  expect(text).not.toMatch(/\((?:яка|нею|ла|вона)\)/);
});
