import { expect, test } from '@playwright/test';
import { builtPages, collectErrors } from './site.ts';

const pages = builtPages();

test('the site has the nine chapters and an engine page per module', () => {
  for (const slug of ['introduction', 'dataset', 'tokenizer', 'autograd', 'gpt', 'adam', 'training', 'inference', 'what-it-reveals']) {
    expect(pages).toContain(`/chapters/${slug}/`);
  }
  for (const module of ['value', 'model', 'random', 'adam', 'train', 'sample', 'tokenizer', 'dataset']) expect(pages).toContain(`/engine/${module}/`);
});

for (const path of pages) {
  test(`${path} loads without console errors`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto(path, { waitUntil: 'networkidle' });
    await expect(page.locator('h1').first()).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test('KaTeX renders the math', async ({ page }) => {
  await page.goto('/chapters/autograd/');
  const display = page.locator('.katex-display .katex').first();
  await expect(display).toBeVisible();
  await expect(page.locator('.katex-error')).toHaveCount(0);
  expect(await display.locator('.katex-html').boundingBox()).not.toBeNull();
});

test('Shiki highlights quoted engine source, with the real line numbers', async ({ page }) => {
  await page.goto('/chapters/autograd/');
  const figure = page.locator('figure.literate[data-region="backward"]');
  await expect(figure.locator('pre.shiki')).toBeVisible();
  await expect(figure.locator('figcaption')).toContainText('engine/src/value.ts');
  const firstLine = Number(await figure.locator('.line').first().getAttribute('data-line'));
  expect(firstLine).toBeGreaterThan(1);
  // colours come from the theme, not a single flat colour
  const colours = await figure.locator('.line span').evaluateAll((spans) => new Set(spans.map((s) => getComputedStyle(s).color)).size);
  expect(colours).toBeGreaterThan(2);
});

test('an engine page links each region to the chapter sections that quote it', async ({ page }) => {
  await page.goto('/engine/value/');
  const link = page.locator('#region-backward + .quoted-in a').first();
  await expect(link).toHaveAttribute('href', /\/chapters\/autograd\/#[\w-]+$/);
  const fragment = (await link.getAttribute('href'))!.split('#')[1];
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/chapters/autograd/#${fragment}$`));
  await expect(page.locator(`[id="${fragment}"]`)).toBeInViewport();
});

test('the home page maps the seven components with measured line counts', async ({ page }) => {
  await page.goto('/');
  const rows = page.locator('table.component-map tbody tr');
  await expect(rows).toHaveCount(7);
  for (const cells of await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td.number')].map((td) => td.textContent ?? '')))) {
    expect(Number(cells[0])).toBeGreaterThan(0);
    expect(cells[1]).toMatch(/^≈ \d+$/);
  }
  await page.getByRole('link', { name: /Start reading/ }).click();
  await expect(page).toHaveURL(/\/chapters\/introduction\/$/);
});

test('each component chapter shows its engine line count beside the seed article count', async ({ page }) => {
  for (const slug of ['dataset', 'tokenizer', 'autograd', 'gpt', 'adam', 'training', 'inference']) {
    await page.goto(`/chapters/${slug}/`);
    await expect(page.locator('.component-size')).toHaveText(/In the engine: .+\.ts, \d+ lines\. In microgpt\.py: about \d+ lines\./);
  }
  await page.goto('/chapters/introduction/');
  await expect(page.locator('.component-size')).toHaveCount(0);
});

test('the temperature figure redraws the probabilities as the slider moves', async ({ page }) => {
  await page.goto('/chapters/inference/');
  const figure = page.locator('[data-figure="temperature"]');
  const top = figure.locator('tbody tr').first();
  const share = async () => Number((await top.locator('td.p').textContent())!.replace('%', ''));
  const atHalf = await share();
  const slider = figure.getByRole('slider', { name: 'Temperature' });
  await slider.fill('2');
  await expect(figure.locator('output')).toHaveText('2');
  expect(await share()).toBeLessThan(atHalf); // a higher temperature flattens the distribution
  await slider.fill('0.1');
  expect(await share()).toBeGreaterThan(atHalf);
});

test('the tokenizer figure encodes what the reader types, and names a character it cannot encode', async ({ page }) => {
  await page.goto('/chapters/tokenizer/');
  const figure = page.locator('[data-figure="tokenizer"]');
  await expect(figure.locator('output')).toHaveText('27 5 13 13 1 27'); // BOS e m m a BOS
  const input = figure.getByRole('textbox', { name: 'Name to encode' });
  await input.fill('bob');
  await expect(figure.locator('output')).toHaveText('27 2 15 2 27');
  await expect(figure.locator('li.used')).toHaveCount(2);
  await input.fill('zoë');
  await expect(figure.locator('output')).toHaveText('not in the vocabulary: "ë"');
});

test("the loss figure draws microgpt.py's loss curve when scrolled to, and smooths it with the slider", async ({ page }) => {
  await page.goto('/chapters/training/');
  const figure = page.locator('[data-figure="loss"]');
  await expect(figure.locator('figcaption')).toContainText('from 3.4613 at step 1 to 2.1095 at the last');
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toHaveAttribute('data-drawn', '');
  await expect(figure.locator('canvas')).toBeVisible();
  const before = await figure.locator('canvas').screenshot();
  await figure.getByRole('slider', { name: 'Moving average window' }).fill('50');
  await expect(figure.locator('output')).toHaveText('50');
  await expect.poll(async () => Buffer.compare(await figure.locator('canvas').screenshot(), before)).not.toBe(0);
});

test('the Adam figure races Adam against gradient descent, and responds to the loss scale', async ({ page }) => {
  await page.goto('/chapters/adam/');
  const figure = page.locator('[data-figure="adam"]');
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toHaveAttribute('data-drawn', '');
  const result = figure.locator('.adam-result');
  await expect(result).toHaveText(/^After 50 steps: Adam p = [\d.]+, gradient descent p = [\d.]+\.$/);
  await figure.getByRole('slider', { name: 'Loss scale (powers of ten)' }).fill('2');
  await expect(figure.locator('output.scale')).toHaveText('100');
  await expect(result).toContainText('gradient descent p = ran off');
  const adamAtScale = /Adam p = ([\d.]+)/.exec((await result.textContent())!)![1];
  await figure.getByRole('slider', { name: 'Loss scale (powers of ten)' }).fill('0');
  await expect(result).toContainText(`Adam p = ${adamAtScale}`); // Adam's path does not depend on the scale
});
