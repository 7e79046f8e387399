// Exercises in the page: Check, hints one at a time, the solution after confirming, the attempt
// kept and restorable, and a pass recorded in the reader's progress.
import { type Locator, expect, test } from '@playwright/test';
import { collectErrors } from './site.ts';

// opens the exercise's editor and puts this code in it, as a reader typing over everything would
async function typeOver(ex: Locator, code: string): Promise<void> {
  await ex.locator('.exercise-starter').click();
  await ex.locator('.cm-content').press('ControlOrMeta+a');
  await ex.locator('.cm-content').fill(code);
}

test('Check runs the hidden checks and names the first failure; the solution needs a confirm; the attempt comes back', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/chapters/gpt/#exercise-softmax-max');
  const ex = page.locator('#exercise-softmax-max');
  const checks = ex.getByRole('list', { name: 'Checks' }).locator('li');
  await expect(checks).toHaveCount(3); // listed before anything runs
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.locator('.cell-status')).toHaveText(/^1 of 3 checks passed\. First failure, "the probabilities sum to 1": expected 1 \(within 1e-12\), got 6$/);
  await expect(checks.nth(0)).toHaveText('Failed: the probabilities sum to 1');
  await expect(checks.nth(2)).toHaveAttribute('data-state', 'passed');

  // hints, one at a time
  const hints = ex.getByRole('list', { name: 'Hints' }).locator('li');
  await ex.getByRole('button', { name: 'Hint (2)' }).click();
  await expect(hints.nth(0)).toBeVisible();
  await expect(hints.nth(1)).toBeHidden();
  await ex.getByRole('button', { name: 'Next hint (1 of 2 shown)' }).click();
  await expect(hints.nth(1)).toBeVisible();
  await expect(ex.getByRole('button', { name: 'All 2 hints shown' })).toBeDisabled();

  // an attempt of the reader's own, kept across a reload
  await typeOver(ex, 'function mySoftmax(logits: Value[]): Value[] {\n  return logits.map((l) => l.exp());\n}');
  await page.reload();
  await expect(ex).toHaveAttribute('data-edited', '');
  await expect(ex.locator('.cm-content')).toContainText('l.exp()');

  // the solution only after a confirm; the attempt can be restored
  await ex.getByRole('button', { name: 'Solution' }).click();
  await expect(ex.locator('.exercise-solution')).toBeHidden();
  await ex.getByRole('button', { name: 'Show the solution' }).click();
  await expect(ex.locator('.exercise-solution')).toBeVisible();
  await ex.getByRole('button', { name: 'Put the solution in the editor' }).click();
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.locator('.cell-status')).toHaveText('All 3 checks passed.');
  const progress = await page.evaluate(() => JSON.parse(localStorage.getItem('microgpt:progress')!));
  expect(progress.exercises['gpt/softmax-max'].code).toContain('maxVal');
  await ex.getByRole('button', { name: 'Restore my attempt' }).click();
  await expect(ex.locator('.cm-content')).toContainText('l.exp()');
  expect(errors).toEqual([]);
});

test('an exercise that never ends is stopped, and a throwing one says where', async ({ page }) => {
  await page.goto('/chapters/gpt/#exercise-softmax-max');
  const ex = page.locator('#exercise-softmax-max');
  await typeOver(ex, 'function mySoftmax(logits: Value[]): Value[] {\n  while (true) {}\n}');
  await ex.getByRole('button', { name: 'Check' }).click();
  await ex.getByRole('button', { name: 'Stop' }).click();
  await expect(ex.locator('.cell-status')).toHaveText('Stopped.');
  await typeOver(ex, 'const broken = null as unknown as { x: number };\nconsole.log(broken.x);');
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.locator('.cell-status')).toHaveText(/^Your code stopped with TypeError: .* \(line 2\)\. The checks did not run\.$/);
});

test('code run in the page cannot reach the network', async ({ page }) => {
  await page.goto('/chapters/gpt/#exercise-softmax-max');
  const ex = page.locator('#exercise-softmax-max');
  await typeOver(ex, "console.log(typeof fetch, typeof XMLHttpRequest, typeof WebSocket, typeof importScripts);\nawait import('https://example.com/x.js');");
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.locator('.cell-output pre')).toHaveText('undefined undefined undefined undefined\n');
  await expect(ex.locator('.cell-status')).toContainText('can import only @microgpt/engine and @microgpt/display and @microgpt/check, not "https://example.com/x.js"');
});

for (const theme of ['light', 'dark'] as const) {
  test(`an exercise with its checks run, a hint and the solution shown meets WCAG 2.2 AA (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/chapters/gpt/#exercise-softmax-max');
    const ex = page.locator('#exercise-softmax-max');
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(ex.locator('.cell-status')).toContainText('checks passed');
    await ex.getByRole('button', { name: 'Hint (2)' }).click();
    await ex.getByRole('button', { name: 'Solution' }).click();
    await ex.getByRole('button', { name: 'Show the solution' }).click();
    const AxeBuilder = (await import('@axe-core/playwright')).default;
    const { violations } = await new AxeBuilder({ page }).include('#exercise-softmax-max').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  });
}
