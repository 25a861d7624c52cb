import { expect, saveScreen, test } from './fixtures.js';

test('the first screen is Ukrainian, switches to English and back', async ({ page, desk }) => {
  await page.goto(desk.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Перший запуск|Вхід/);
  await saveScreen(page, 'foundation-first-screen-uk');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/First run|Log in/);
  await saveScreen(page, 'foundation-first-screen-en');

  await page.getByRole('button', { name: 'Українська' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  // The token left the address bar once the page had read it.
  expect(page.url()).not.toContain('token=');
});

test('the bridge refuses API calls without the token', async ({ request, desk }) => {
  const origin = new URL(desk.url).origin;
  const response = await request.post(`${origin}/api/app.info`, { data: {} });
  expect(response.status()).toBe(401);
  const token = new URL(desk.url).searchParams.get('token') ?? '';
  const ok = await request.post(`${origin}/api/app.info`, { data: {}, headers: { Authorization: `Bearer ${token}` } });
  expect(await ok.json()).toMatchObject({ ok: true, value: { languages: ['uk', 'en'] } });
});
