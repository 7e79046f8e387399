// Charts and the figures that draw distributions: they follow the theme, and show what matters.
import { expect, type Locator, type Page, test } from '@playwright/test';

// a digest of what the chart's canvas holds, pixel for pixel
const pixels = (figure: Locator) =>
  figure.locator('canvas').evaluate(async (c: HTMLCanvasElement) => {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(c.toDataURL()));
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  });

async function drawnLossFigure(page: Page): Promise<Locator> {
  const figure = page.locator('[data-figure="loss"]');
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toHaveAttribute('data-drawn', '');
  return figure;
}

test('a chart redraws in the new colours when the theme changes, chosen or under Auto from the OS', async ({ page, context }) => {
  // the same chart as drawn by a page that loaded dark
  const other = await context.newPage();
  await other.emulateMedia({ colorScheme: 'dark' });
  await other.goto('/chapters/training/');
  const dark = await pixels(await drawnLossFigure(other));
  await other.close();

  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/chapters/training/');
  const figure = await drawnLossFigure(page);
  const light = await pixels(figure);
  expect(light).not.toBe(dark);
  const select = page.getByRole('combobox', { name: /theme/i }).first();
  await select.selectOption('dark');
  await expect.poll(() => pixels(figure)).toBe(dark);
  await select.selectOption('auto');
  await expect.poll(() => pixels(figure)).toBe(light);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => pixels(figure)).toBe(dark);
});

test("the temperature figure's bars are its widest part, so the slider visibly reshapes them", async ({ page }) => {
  await page.goto('/chapters/inference/');
  const figure = page.locator('[data-figure="temperature"]');
  const table = await figure.locator('table.bars').evaluate((t) => t.getBoundingClientRect().width);
  const [character, probability, bar] = await figure
    .locator('tbody tr')
    .first()
    .evaluate((tr) => [...tr.children].map((c) => c.getBoundingClientRect().width));
  expect(bar).toBeGreaterThan(character);
  expect(bar).toBeGreaterThan(probability);
  expect(bar).toBeGreaterThan(0.6 * table);
  const topBar = () =>
    figure
      .locator('tbody tr')
      .first()
      .locator('.bar')
      .evaluate((b) => b.getBoundingClientRect().width);
  const slider = figure.getByRole('slider', { name: 'Temperature' });
  await slider.fill('0.1');
  const sharp = await topBar();
  await slider.fill('2');
  await expect(figure.locator('output')).toHaveText('2');
  expect(sharp - (await topBar())).toBeGreaterThan(0.2 * bar);
});

test('the loss figure opens on a moving average over 50 steps, over the faint loss of each step', async ({ page }) => {
  await page.goto('/chapters/training/');
  const figure = await drawnLossFigure(page);
  await expect(figure.getByRole('slider', { name: 'Moving average window' })).toHaveValue('50');
  await expect(figure.locator('output')).toHaveText('50');
  const chart = figure.locator('.cell-chart');
  await expect(chart).toHaveAttribute('data-series', '2');
  await expect(chart.locator('.u-legend .u-series .u-label')).toHaveText(['loss at each step', 'moving average']);
  // each series its own colour, and the legend's swatches are lines, not boxes that read as checkboxes
  const markers = await chart.locator('.u-legend .u-series .u-marker').evaluateAll((ms) => ms.map((m) => ({ colour: getComputedStyle(m).borderTopColor, height: m.getBoundingClientRect().height })));
  expect(markers).toHaveLength(2);
  expect(markers[0].colour).not.toBe(markers[1].colour);
  for (const m of markers) expect(m.height).toBeLessThanOrEqual(4);
});

test("the live training chart draws the loss smoothed, over each step's loss drawn faint", async ({ page }) => {
  await page.goto('/chapters/training/#train-it-in-your-browser'); // its folded section, opened by the link
  const cell = page.locator('[data-cell-id="train-in-browser"]');
  await cell.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(cell.locator('.cell-rate')).toContainText(/^[1-9]\d+ of 1000 steps/, { timeout: 30_000 }); // the worker's first step can be slow on a loaded machine
  await cell.getByRole('button', { name: 'Stop', exact: true }).click();
  const chart = cell.locator('.cell-chart');
  await expect(chart).toHaveAttribute('data-series', '2');
  await expect(chart.locator('.u-legend .u-series .u-label')).toHaveText(['loss at each step', 'mean of the last 50 steps']);
  await expect(chart).toHaveAttribute('aria-label', /smoothed/);
});
