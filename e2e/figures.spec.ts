// Every interactive figure: it renders, and it responds to the reader.
import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtPages, collectErrors } from './site.ts';

const root = resolve(import.meta.dirname, '..');
const namesTxt = resolve(root, '..', 'shared', 'data', 'names.txt');
const NAMES_URL = 'https://raw.githubusercontent.com/karpathy/makemore/master/names.txt';

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
  await figure.getByRole('slider', { name: 'Moving average window' }).fill('1');
  await expect(figure.locator('output')).toHaveText('1');
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

test('the autograd figure replays backward node by node and ends where the chain rule does', async ({ page }) => {
  await page.goto('/chapters/autograd/');
  const figure = page.locator('[data-figure="autograd"]');
  const summary = figure.locator('.autograd-summary');
  const agree = async () => {
    const [, grad, byHand] = /x\.grad = (\S+), which is \(2x \+ 3\)·y = (\S+)\.$/.exec((await summary.textContent())!.trim())!;
    expect(grad).toBe(byHand);
  };
  await agree(); // drawn at build, before any script ran
  const step = figure.getByRole('slider', { name: 'Backward step' });
  await step.fill('0');
  await expect(summary).toHaveText(/^Forward done: y = [\d.]+\. Every grad is still 0\.$/);
  await expect(figure.locator('.grad.pending')).toHaveCount(6);
  await step.fill('1');
  await expect(summary).toHaveText('Step 1: backward sets y.grad = 1 (dy/dy).');
  await step.fill('3');
  await expect(figure.locator('.node.active .label')).toHaveText('x·x + 3x');
  await expect(figure.locator('.edge.active')).toHaveCount(2);
  const partial = await figure.locator('.node').first().locator('.grad').textContent();
  await step.fill('5');
  await expect(figure.locator('.grad.pending')).toHaveCount(0);
  expect(await figure.locator('.node').first().locator('.grad').textContent()).not.toBe(partial);
  await figure.getByRole('slider', { name: 'x', exact: true }).fill('-1.3');
  await expect(figure.locator('.x-value')).toHaveText('-1.3');
  await expect(figure.locator('.node').first().locator('.data')).toHaveText('data -1.3');
  await agree();
});

test("the attention figure shows the gpt cell's numbers, then any name, head and model the reader picks", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/chapters/gpt/');
  const figure = page.locator('[data-figure="attention"]');
  const rows = figure.locator('tbody tr');
  const grid = async () => rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  await expect(figure).toHaveAttribute('data-shown', 'trained/0/emma'); // drawn at build
  await figure.getByRole('radio', { name: 'untrained' }).check();
  await expect(figure).toHaveAttribute('data-shown', 'untrained/0/emma'); // redrawn once the weights arrived
  await expect(rows).toHaveCount(5);
  await expect(figure.locator('thead th')).toHaveText(['BOS', 'e', 'm', 'm', 'a']);
  // the `attention` cell prints the untrained model's head 0 for "emma": the figure must agree
  const book = (await page.locator('[data-cell-id="attention"] .cell-output pre').textContent())!.trim().split('\n').slice(-5);
  const untrained = await grid();
  const visible = book.map((line, t) =>
    line
      .trim()
      .split(/\s+/)
      .slice(1, t + 2)
      .join(' '),
  ); // row t sees t + 1 positions
  expect(untrained.map((row) => row.filter((x) => x !== '').join(' '))).toEqual(visible);
  await figure.getByRole('radio', { name: /after \d+ steps/ }).check();
  await expect(figure).toHaveAttribute('data-shown', 'trained/0/emma');
  expect(await grid()).not.toEqual(untrained);
  await figure.getByRole('radio', { name: '2', exact: true }).check();
  await figure.getByRole('textbox', { name: 'Name' }).fill('marshall');
  await expect(figure).toHaveAttribute('data-shown', 'trained/2/marshall');
  await expect(rows).toHaveCount(9);
  await expect(figure.locator('td.masked')).toHaveCount((8 * 9) / 2);
  for (const row of await grid()) {
    const total = row.filter((x) => x !== '').reduce((s, x) => s + Number(x), 0);
    expect(Math.abs(total - 1)).toBeLessThanOrEqual(0.005 * row.length); // each row sums to 1, to its rounding
  }
  await figure.getByRole('textbox', { name: 'Name' }).fill('zoë');
  await expect(figure.locator('.attention-note')).toContainText('Not in the vocabulary: "ë"');
  await expect(rows).toHaveCount(9); // the last name it could draw stays
  expect(errors).toEqual([]);
});

test.describe('the dataset figure', () => {
  const docs = (text: string) =>
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
  const stat = (figure: import('@playwright/test').Locator, name: string) => figure.locator(`[data-stat="${name}"]`);

  test("summarises a reader's own file, and refuses an empty or binary one without losing what is shown", async ({ page }) => {
    await page.goto('/chapters/dataset/');
    const figure = page.locator('[data-figure="dataset"]');
    await expect(stat(figure, 'docs')).toHaveText('8,422');
    const mine = 'anna\nbob\n\n  carl  \nzoë\nbartholomew-alexander\n';
    const file = figure.getByLabel('Your own dataset file');
    await file.setInputFiles({ name: 'mine.txt', mimeType: 'text/plain', buffer: Buffer.from(mine) });
    await expect(figure).toHaveAttribute('data-loaded', 'mine.txt');
    await expect(stat(figure, 'docs')).toHaveText(String(docs(mine).length));
    const chars = new Set([...docs(mine).join('')]);
    await expect(stat(figure, 'chars')).toHaveText(String(chars.size));
    await expect(stat(figure, 'vocab')).toHaveText(String(chars.size + 1));
    await expect(stat(figure, 'cut')).toHaveText('1'); // bartholomew-alexander: 21 characters
    await file.setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from(' \n\n') });
    await expect(figure.getByRole('alert')).toHaveText('empty.txt has no documents: every line is empty or whitespace. Still showing the previous dataset.');
    await expect(stat(figure, 'docs')).toHaveText(String(docs(mine).length));
    await file.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]) });
    await expect(figure.getByRole('alert')).toContainText('photo.png looks binary (a NUL byte at offset 4)');
    await figure.getByRole('button', { name: 'Back to the default dataset' }).click();
    await expect(stat(figure, 'docs')).toHaveText('8,422');
    await expect(figure.getByRole('alert')).toBeHidden();
  });

  test('loads names.txt from its URL, and says so when the URL fails', async ({ page }) => {
    test.skip(!existsSync(namesTxt), 'needs ../shared/data/names.txt to stand in for the network');
    const reference = JSON.parse(readFileSync(resolve(root, 'content/reference/microgpt-names.json'), 'utf8'));
    await page.route(NAMES_URL, (route) => route.fulfill({ body: readFileSync(namesTxt), contentType: 'text/plain' }));
    await page.route('https://example.com/missing.txt', (route) => route.fulfill({ status: 404, body: 'no' }));
    await page.goto('/chapters/dataset/');
    const figure = page.locator('[data-figure="dataset"]');
    await figure.getByRole('button', { name: 'Load from URL' }).click();
    await expect(figure).toHaveAttribute('data-loaded', 'names.txt');
    await expect(stat(figure, 'docs')).toHaveText(reference.num_docs.toLocaleString('en-US'));
    await expect(stat(figure, 'vocab')).toHaveText(String(reference.uchars.length + 1));
    await expect(figure.locator('.dataset-head q').first()).toHaveText(reference.docs_head[0]);
    await figure.getByRole('textbox', { name: 'Dataset URL' }).fill('https://example.com/missing.txt');
    await figure.getByRole('button', { name: 'Load from URL' }).click();
    await expect(figure.getByRole('alert')).toContainText('https://example.com/missing.txt answered 404');
    await expect(stat(figure, 'docs')).toHaveText(reference.num_docs.toLocaleString('en-US'));
  });
});

test("the introduction's map links every component's chapter, and its reference run is Python's output", async ({ page }) => {
  const pages = builtPages();
  await page.goto('/chapters/introduction/');
  const links = await page.locator('[data-figure="component-map"] a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  for (const slug of ['dataset', 'tokenizer', 'gpt', 'autograd', 'adam', 'training', 'inference']) expect(links).toContain(`/chapters/${slug}/`);
  for (const link of links) expect(pages).toContain(link);
  const run = page.locator('[data-figure="reference-run"]');
  for (const file of ['microgpt-default.txt', 'microgpt-names.txt']) {
    const lines = readFileSync(resolve(root, 'content/reference', file), 'utf8').split('\n');
    for (const line of [lines[0], lines[3], lines.find((l) => l.startsWith('sample  1:'))!]) await expect(run).toContainText(line);
  }
});
