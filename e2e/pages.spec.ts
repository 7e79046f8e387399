import { expect, test } from '@playwright/test';
import { builtPages } from './site.ts';

const pages = builtPages();

test('the site has the eleven chapters and an engine page per module, for both engines', () => {
  for (const slug of ['introduction', 'dataset', 'tokenizer', 'autograd', 'gpt', 'adam', 'training', 'inference', 'fast', 'what-it-reveals', 'next', 'matching-python']) {
    expect(pages).toContain(`/chapters/${slug}/`);
  }
  for (const module of ['value', 'model', 'random', 'adam', 'train', 'sample', 'tokenizer', 'dataset', 'fast/model', 'fast/backward', 'fast/libm']) expect(pages).toContain(`/engine/${module}/`);
});

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
    // microgpt.py's lines the component ports, from the line map: its lines of code, then all of them
    const [, code, all] = /^(\d+) \((\d+) in all\)$/.exec(cells[1]) ?? [];
    expect(Number(code), cells[1]).toBeGreaterThan(0);
    expect(Number(all)).toBeGreaterThanOrEqual(Number(code));
  }
  // the whole course's time
  await expect(page.locator('.course-time')).toHaveText(/^The whole course: about \d+ hours( \d+ minutes)? to read its \d+ chapters .* about \d+ hours?( \d+ minutes)? more for the exercises/);
  // on a phone, each component's row a card: every value under its column's name, nothing squeezed
  await page.setViewportSize({ width: 390, height: 844 });
  const narrowest = await rows.evaluateAll((trs) => Math.min(...trs.flatMap((tr) => [...tr.querySelectorAll('td')].map((td) => td.getBoundingClientRect().width))));
  expect(narrowest, 'each value as wide as the card').toBeGreaterThan(300);
  await expect(rows.first().locator('td').first()).toHaveCSS('display', 'block');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('link', { name: /Start reading/ }).click();
  await expect(page).toHaveURL(/\/chapters\/introduction\/$/);
});

test('each component chapter shows its engine line count beside the lines of microgpt.py it ports', async ({ page }) => {
  for (const slug of ['dataset', 'tokenizer', 'autograd', 'gpt', 'adam', 'training', 'inference']) {
    await page.goto(`/chapters/${slug}/`);
    await expect(page.locator('.component-size')).toHaveText(
      /^In the engine: .+\.ts, \d+ lines\. In microgpt\.py: \d+ lines of code \(\d+ with the comments and blank lines among them\): L\d+(–L\d+)?(, L\d+(–L\d+)?)*\.$/,
    );
  }
  await page.goto('/chapters/introduction/');
  await expect(page.locator('.component-size')).toHaveCount(0);
});

test('the appendix comes last and leads nowhere further; the closing chapter leads to it', async ({ page }) => {
  await page.goto('/chapters/what-it-reveals/');
  await expect(page.locator('.pagination-links a[rel="next"]')).toHaveAttribute('href', /\/chapters\/next\/$/);
  await page.goto('/chapters/next/');
  await expect(page.locator('.pagination-links a[rel="next"]')).toHaveAttribute('href', /\/chapters\/matching-python\/$/);
  await expect(page.getByRole('link', { name: 'microgpt.py', exact: true }).first()).toHaveAttribute('href', 'https://gist.github.com/karpathy/8627fe009c40f57531cb18360106ce95');
  await page.goto('/chapters/matching-python/');
  await expect(page.locator('.pagination-links a[rel="next"]')).toHaveCount(0);
});

test('every chapter says at its top how long it takes and what it assumes', async ({ page }) => {
  await page.goto('/chapters/gpt/');
  // the GPT chapter's 5,500 words and 580 lines of code take well over an hour, not 25 minutes; its
  // core path, its derivations and asides folded, takes less
  await expect(page.locator('.chapter-meta')).toHaveText(
    /^About [1-9] hours?( \d+ minutes)? to read the prose and the code, run the cells and answer the checkpoints \(the core path, the deeper sections left folded: about ([1-9] hours?( \d+ minutes)?|\d+ minutes)\), and about 20 minutes more for its 2 exercises\. Assumes: Autograd's Value/,
  );
  await page.goto('/chapters/introduction/');
  await expect(page.locator('.chapter-meta')).toHaveText(/^About \d+ minutes to read the prose and the code, run the cells and answer the checkpoints\. Assumes: Nothing/);
});

test('a static code block has a Copy button that copies its code', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/chapters/autograd/');
  const box = page.locator('.literate .copy-code-box').first();
  await box.getByRole('button', { name: 'Copy this code' }).click();
  await expect(box.locator('.copy-code-status')).toHaveText('Copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await box.locator('pre code').textContent());
  expect(copied).toContain('class Value');
  // cells keep their own toolbar and get no Copy button
  await expect(page.locator('.cell .copy-code')).toHaveCount(0);
  // the button covers no code, on a phone either: the first line wraps short of it
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 });
    const covered = await page.locator('.copy-code-box').evaluateAll((boxes) =>
      boxes.flatMap((b) => {
        const button = b.querySelector('.copy-code')!.getBoundingClientRect();
        const text = document.createRange();
        text.selectNodeContents(b.querySelector('.line')!);
        const under = [...text.getClientRects()].some((r) => r.right > button.left && r.left < button.right && r.bottom > button.top && r.top < button.bottom);
        return under ? [b.querySelector('.line')!.textContent] : [];
      }),
    );
    expect(covered, `first lines under the Copy button at ${width} px`).toEqual([]);
  }
});
