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
