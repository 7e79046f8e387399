// The training chapter's cell trains the full default model in a Web Worker. This test checks the
// progress, the final samples and Stop, and reports (without asserting on time) the browser's
// training time and the main thread's longest task meanwhile, beside whatever else the tests run:
// npm run bench measures the browser's time alone (engine/bench/browser.ts).
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const referenceSamples = readFileSync(resolve(root, 'engine/test/fixtures/reference/microgpt-default.txt'), 'utf8').trimEnd().split('\n').slice(-20);

test('the GPT trains in the browser with a live loss chart, and samples what npm run train prints', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.goto('/chapters/training/#train-it-in-your-browser'); // its folded section, opened by the link
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
  });
  const cell = page.locator('[data-cell-id="train-in-browser"]');
  await cell.getByRole('button', { name: 'Run', exact: true }).click();
  const progress = cell.locator('progress');
  await expect(progress).toBeVisible();
  await expect(cell.locator('.cell-rate')).toContainText(/\d+ of 1000 steps, \d+ steps\/s/, { timeout: 30_000 });
  await expect(cell.locator('.cell-chart canvas')).toBeVisible();
  await expect(cell.locator('.cell-status')).toContainText('The output matches the book.', { timeout: 150_000 });
  expect(await progress.evaluate((p: HTMLProgressElement) => p.value)).toBe(1000);
  const output = (await cell.getByRole('region', { name: 'Output' }).textContent())!.trimEnd().split('\n');
  expect(output.slice(-20)).toEqual(referenceSamples);

  const browserSeconds = Number(/Done in ([\d.]+) s/.exec((await cell.locator('.cell-status').textContent())!)![1]);
  const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
  // measured, not asserted (Node's time for the same run is npm run bench's)
  const report = `browser (Web Worker): ${browserSeconds.toFixed(2)} s for 1000 steps and 20 samples; longest main-thread task while training: ${longest.toFixed(0)} ms`;
  console.log(report);
  testInfo.annotations.push({ type: 'measured', description: report });
});

test('the fast engine trains the same model in the page, to the same samples', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  await page.goto('/chapters/training/#train-it-in-your-browser'); // its folded section, opened by the link
  const cell = page.locator('[data-cell-id="train-in-browser-fast"]');
  await cell.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(cell.locator('.cell-status')).toContainText('The output matches the book.', { timeout: 50_000 });
  const output = (await cell.getByRole('region', { name: 'Output' }).textContent())!.trimEnd().split('\n');
  expect(output.slice(-20)).toEqual(referenceSamples);
  const seconds = Number(/Done in ([\d.]+) s/.exec((await cell.locator('.cell-status').textContent())!)![1]);
  const report = `browser (Web Worker), fast engine: ${seconds.toFixed(2)} s for 1000 steps and 20 samples`;
  console.log(report);
  testInfo.annotations.push({ type: 'measured', description: report });
});

test('Stop ends training between steps', async ({ page }) => {
  await page.goto('/chapters/training/#train-it-in-your-browser'); // its folded section, opened by the link
  const cell = page.locator('[data-cell-id="train-in-browser"]');
  await cell.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(cell.locator('.cell-rate')).toContainText(/[1-9]\d* of 1000 steps/, { timeout: 30_000 });
  await cell.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(cell.locator('.cell-status')).toHaveText('Stopped.');
  const stoppedAt = await cell.locator('progress').evaluate((p: HTMLProgressElement) => p.value);
  await page.waitForTimeout(500);
  expect(await cell.locator('progress').evaluate((p: HTMLProgressElement) => p.value)).toBe(stoppedAt);
  expect(stoppedAt).toBeLessThan(1000);
});
