// Progress that leads on: the home page says where to continue and marks each chapter, the sidebar
// marks exercises passed, and a chapter opened from an assignment leads back to its checklist.
import { expect, test } from '@playwright/test';

async function passSoftmax(page: import('@playwright/test').Page): Promise<void> {
  await page.goto('/chapters/gpt/#exercise-softmax-max');
  const ex = page.locator('#exercise-softmax-max');
  await ex.getByRole('button', { name: 'Solution' }).click();
  await ex.getByRole('button', { name: 'Show the solution' }).click();
  await ex.getByRole('button', { name: 'Put the solution in the editor' }).click();
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.locator('.cell-status')).toHaveText('All 3 checks passed.');
}

test('the home page leads on: continue where you left off, near the top, and each chapter marked', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.progress-continue')).toBeHidden(); // a first visit has nowhere to continue
  await passSoftmax(page);
  // the sidebar marks the exercises passed beside the chapter
  await expect(page.locator('nav.sidebar a[href$="/chapters/gpt/"] .exercise-mark')).toHaveText(' 1/2');
  await page.goto('/');
  const resume = page.locator('.progress-continue');
  await expect(resume).toHaveText(/^Continue where you left off: The GPT/);
  await expect(page.locator('.chapter-list li[data-chapter="gpt"] .chapter-progress')).toHaveText(/^ \(1 of 2 exercises passed, 0 of \d+ checkpoints answered\)$/);
  // near the top: before the component map, not after the chapter list
  const [resumeTop, mapTop] = await Promise.all([resume.boundingBox(), page.locator('.component-map').boundingBox()]);
  expect(resumeTop!.y).toBeLessThan(mapTop!.y);
  await resume.getByRole('link').click();
  await expect(page).toHaveURL(/\/chapters\/gpt\/$/);
});

test('the home page says what is kept where, and asks the browser to keep it', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.progress-panel')).toContainText('Kept in this browser only (its local storage)');
  await expect(page.locator('.progress-durable')).toHaveText(/This browser (has agreed to keep it|may clear it)/);
});

test('a chapter opened from an assignment leads back to its checklist; one opened otherwise does not', async ({ page }) => {
  await page.goto('/chapters/tokenizer/');
  await expect(page.locator('[data-assignment-return]')).toBeHidden();
  const link = '/assignment/?lesson=first-hour&class=CS%20101&due=2099-12-01';
  await page.goto(link);
  await page
    .locator('.assignment-readings')
    .getByRole('link', { name: /tokenizer/i })
    .first()
    .click();
  const back = page.locator('[data-assignment-return]');
  await expect(back).toBeVisible();
  await expect(back).toHaveText('← Back to your assignment: A first hour with microgpt');
  // a chapter the lesson does not use has no way back
  await page.goto('/chapters/adam/');
  await expect(page.locator('[data-assignment-return]')).toBeHidden();
  await page.goto('/chapters/tokenizer/');
  await page.locator('[data-assignment-return] a').click();
  await expect(page).toHaveURL(new RegExp(`${link.replace(/[?]/g, '\\?')}$`));
  await expect(page.locator('.assignment-readings')).toBeVisible();
});
