import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, saveScreen, test } from './fixtures.js';

/**
 * Usability on every screen of a working desk (the training register, so the journal, reports and
 * directories have rows): WCAG 2.1 AA by axe-core (contrast among it), text of at least 14 px,
 * and a focus that can be seen on every control the keyboard reaches.
 */
test.use({ deskArgs: ['--demo'] });

const SCREENS = [
  ['Видати довідку', 'issue'],
  ['Посвідчити довідку', 'certify'],
  ['Журнал', 'journal'],
  ['Довідники', 'directories'],
  ['Шаблони', 'templates'],
  ['Звіти', 'reports'],
  ['Перевірка документа', 'verify'],
  ['Обмін з віддаленими місцями', 'exchange'],
  ['Налаштування', 'settings'],
  ['Про програму', 'about'],
] as const;

async function logIn(page: Page): Promise<void> {
  await page.getByLabel('Логін').fill('head');
  await page.getByLabel('Пароль').fill('navchannia-2025');
  await page.getByRole('button', { name: 'Увійти' }).click();
  // The password hash (scrypt) takes a while on a loaded machine.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Видача довідки', { timeout: 30_000 });
}

/** axe-core's WCAG 2.0/2.1 A and AA rules; each violation as «rule: element selectors». */
async function wcagViolations(page: Page): Promise<string[]> {
  // A drawer or a popover still fading in has colours of its own, half-way to the real ones.
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary ?? ''}`));
}

/** Visible text set smaller than 14 px, with the text and its size. */
async function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const element = node.parentElement;
      if (!text || !element) continue;
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || element.closest('[aria-hidden="true"]')) continue;
      const size = Number.parseFloat(style.fontSize);
      if (size < 14) found.push(`${size}px «${text.slice(0, 40)}»`);
    }
    return found;
  });
}

/** Tabs through the screen: every control the keyboard reaches must show that it has the focus. */
async function focusWithoutIndicator(page: Page, presses: number): Promise<string[]> {
  const missing: string[] = [];
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let press = 0; press < presses; press += 1) {
    await page.keyboard.press('Tab');
    const seen = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const outlined = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
      const ringed = style.boxShadow !== 'none' && style.boxShadow !== '';
      const label = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30) ?? '';
      return { visible: outlined || ringed, what: `${element.tagName.toLowerCase()} «${label || element.getAttribute('name') || ''}»` };
    });
    if (seen && !seen.visible) missing.push(seen.what);
  }
  return [...new Set(missing)];
}

test('every screen of a working desk meets WCAG 2.1 AA, has text of 14 px or more and a visible keyboard focus', async ({ page, desk }) => {
  test.setTimeout(240_000);
  await page.goto(desk.url);
  expect(await wcagViolations(page), 'login screen').toEqual([]);
  expect(await smallText(page), 'login screen').toEqual([]);
  await logIn(page);
  for (const [nav, name] of SCREENS) {
    await page.getByRole('navigation').getByRole('button', { name: nav }).click();
    await expect(page.getByRole('navigation').getByRole('button', { name: nav })).toHaveAttribute('aria-current', 'page');
    // Let lists and charts load before they are judged.
    await page.waitForLoadState('networkidle');
    expect(await wcagViolations(page), name).toEqual([]);
    expect(await smallText(page), name).toEqual([]);
    expect(await focusWithoutIndicator(page, 25), name).toEqual([]);
  }

  // The states a screen changes into: the checklist of a chosen kind, an entry's details.
  await page.getByRole('navigation').getByRole('button', { name: 'Видати довідку' }).click();
  await page.getByRole('checkbox', { name: 'Довідка про склад сімʼї (п. 7.1.2)' }).check();
  await page.getByRole('checkbox', { name: /документ, що посвідчує особу/ }).check();
  expect(await wcagViolations(page), 'issue: the family checklist').toEqual([]);
  expect(await smallText(page), 'issue: the family checklist').toEqual([]);
  await saveScreen(page, 'a11y-issue-checklist');
  await page.getByRole('navigation').getByRole('button', { name: 'Журнал' }).click();
  await page.getByRole('button', { name: 'Шукати' }).click();
  await page.getByRole('row').nth(1).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await wcagViolations(page), 'journal: an entry’s details').toEqual([]);
  expect(await smallText(page), 'journal: an entry’s details').toEqual([]);
  await saveScreen(page, 'a11y-journal-entry', { fullPage: false });

  // Its handover dialog with the representative's power of attorney (R7.4.4), shown with the errors of a confirm too early.
  const waiting = page.getByRole('dialog').getByRole('button', { name: 'Позначити видачу' });
  if ((await waiting.count()) === 0) {
    await page.keyboard.press('Escape');
    await page.getByRole('search').getByRole('textbox', { name: 'Стан' }).click();
    await page.getByRole('option', { name: 'Видано, не отримано' }).click();
    await page.getByRole('button', { name: 'Шукати' }).click();
    await page.getByRole('row').nth(1).click();
  }
  await page.getByRole('dialog').getByRole('button', { name: 'Позначити видачу' }).click();
  const handover = page.getByRole('dialog', { name: /^Видача документа/ });
  await handover.getByRole('radio', { name: 'представник за довіреністю' }).check();
  await handover.getByLabel('ПІБ отримувача').fill('Коваль Ігор Петрович');
  await handover.getByRole('button', { name: 'Підтвердити видачу' }).click();
  await expect(handover.getByText('Вкажіть номер довіреності')).toBeVisible();
  expect(await wcagViolations(page), 'journal: the handover to a representative').toEqual([]);
  expect(await smallText(page), 'journal: the handover to a representative').toEqual([]);
  await saveScreen(page, 'a11y-handover', { fullPage: false });
  await handover.getByRole('button', { name: 'Скасувати' }).click();
  await page.keyboard.press('Escape');

  // The journal pages' dialog, with its calendar open.
  await page.getByRole('button', { name: 'Друк сторінок журналу' }).click();
  await page.getByRole('dialog', { name: 'Друк сторінок журналу' }).getByRole('textbox', { name: 'З' }).click();
  expect(await wcagViolations(page), 'journal: the pages’ dialog and its calendar').toEqual([]);
  expect(await smallText(page), 'journal: the pages’ dialog and its calendar').toEqual([]);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  // Every tab of the directories, not only the first.
  await page.getByRole('navigation').getByRole('button', { name: 'Довідники' }).click();
  for (const tab of ['Вулиці', 'Підписанти', 'Офіси', 'Журнали', 'Користувачі']) {
    await page.getByRole('tab', { name: tab }).click();
    await page.waitForLoadState('networkidle');
    expect(await wcagViolations(page), `directories: ${tab}`).toEqual([]);
    expect(await smallText(page), `directories: ${tab}`).toEqual([]);
  }

  // The person finder of the issue screen, with what it found.
  await page.getByRole('navigation').getByRole('button', { name: 'Видати довідку' }).click();
  await page.getByRole('button', { name: 'Знайти серед попередніх' }).click();
  const finder = page.getByRole('dialog', { name: 'Пошук особи в журналі' });
  await finder.getByLabel('Прізвище, імʼя або адреса').fill('ко');
  await finder.getByLabel('Прізвище, імʼя або адреса').press('Enter');
  await expect(finder.getByText(/^Запис № /).first()).toBeVisible();
  expect(await wcagViolations(page), 'issue: the person finder').toEqual([]);
  expect(await smallText(page), 'issue: the person finder').toEqual([]);
});

test.describe('a fresh register', () => {
  test.use({ deskArgs: [] });

  test('the first-run wizard meets WCAG 2.1 AA and has text of 14 px or more', async ({ page, desk }) => {
    await page.goto(desk.url);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Перший запуск');
    expect(await wcagViolations(page), 'first-run wizard').toEqual([]);
    expect(await smallText(page), 'first-run wizard').toEqual([]);
    await saveScreen(page, 'a11y-first-run', { fullPage: false });
  });
});
