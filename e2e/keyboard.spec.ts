import { expect, test } from '@playwright/test';

test('previous and next links walk the chapters in order', async ({ page }) => {
  await page.goto('/chapters/introduction/');
  await expect(page.locator('a[rel="prev"]')).toHaveAttribute('href', '/'); // before the first chapter: the home page
  await page.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(/\/chapters\/dataset\/$/);
  await page.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(/\/chapters\/tokenizer\/$/);
  await page.locator('a[rel="prev"]').click();
  await expect(page).toHaveURL(/\/chapters\/dataset\/$/);
});

test('→ and ← move to the next and previous chapter', async ({ page }) => {
  await page.goto('/chapters/tokenizer/');
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/\/chapters\/autograd\/$/);
  await page.waitForLoadState('load'); // the new page's keyboard handler is in place
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/\/chapters\/tokenizer\/$/);
});

test('arrow keys in a text field or a code block do not leave the page', async ({ page }) => {
  await page.goto('/chapters/autograd/');
  await page.keyboard.press('Control+k');
  const input = page.getByRole('dialog').getByRole('textbox');
  await input.fill('adam');
  await input.press('ArrowLeft');
  await input.press('ArrowRight');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/chapters\/autograd\/$/);
  await page.locator('.cell-code pre').first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/\/chapters\/autograd\/$/);
});

test('the skip link moves focus to the content', async ({ page }) => {
  await page.goto('/chapters/dataset/');
  await page.keyboard.press('Tab');
  const skip = page.locator('a.sl-skip-link');
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#_top$/);
  await expect(page.locator('#_top')).toBeInViewport();
});

test('from the top of a chapter, its first cell is fewer Tabs away: quoted code is no stop, the engine files are folded', async ({ page }) => {
  await page.goto('/chapters/tokenizer/');
  let tabs = 0;
  while (tabs < 55 && !(await page.evaluate(() => document.activeElement?.closest('.cell') != null))) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  expect(tabs, 'Tabs from the top to the first cell (69 before)').toBeLessThan(55);
  await expect(page.locator('figure.literate pre[tabindex]')).toHaveCount(0);
});
