import { expect, test } from '@playwright/test';

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('the menu opens the chapter list, and a chapter opens from it', async ({ page }) => {
    await page.goto('/chapters/dataset/');
    const sidebar = page.locator('#starlight__sidebar');
    await expect(sidebar.getByRole('link', { name: 'Autograd' })).toBeHidden();
    await page.getByRole('button', { name: 'Menu' }).click();
    await sidebar.getByRole('link', { name: 'Autograd' }).click();
    await expect(page).toHaveURL(/\/chapters\/autograd\/$/);
  });
});

test('a chapter prints as the text alone: no header, sidebar or pagination', async ({ page }) => {
  await page.goto('/chapters/autograd/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('figure.literate pre').first()).toBeVisible();
  for (const selector of ['header.header', '#starlight__sidebar', '.pagination-links', 'site-search']) {
    await expect(page.locator(selector).first(), selector).toBeHidden();
  }
});
