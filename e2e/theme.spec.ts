import { expect, test } from '@playwright/test';

test('dark mode toggles and survives a reload', async ({ page }) => {
  await page.goto('/chapters/gpt/');
  const select = page.getByRole('combobox', { name: /theme/i }).first();
  await select.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(darkBackground);
  await page.getByRole('combobox', { name: /theme/i }).first().selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(darkBackground);
});

test('the theme is applied before the first paint (no flash)', async ({ page }) => {
  await page.goto('/chapters/gpt/');
  await page.evaluate(() => localStorage.setItem('starlight-theme', 'dark'));
  // block scripts other than the inline one in <head>: the theme must already be set by then
  await page.route('**/*.js', (route) => route.abort());
  await page.goto('/chapters/adam/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('dark code blocks use the dark Shiki theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/chapters/autograd/');
  const keyword = page.locator('figure.literate .line span').first();
  const dark = await keyword.evaluate((s) => getComputedStyle(s).color);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.reload();
  const light = await page
    .locator('figure.literate .line span')
    .first()
    .evaluate((s) => getComputedStyle(s).color);
  expect(dark).not.toBe(light);
});
