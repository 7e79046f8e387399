import { expect, type Locator, test } from '@playwright/test';
import { wcagInBothThemes } from './axe.ts';
import { cellOf, editCell as edit, withTimeLimit } from './helpers.ts';

const run = (cell: Locator) => cell.getByRole('button', { name: 'Run', exact: true });

// the cells these tests run are ones no checkpoint asks about: a cell a checkpoint asks about keeps
// its output folded away until the question is answered (e2e/checkpoints.spec.ts)
test('a cell shows its code and the book output before anything runs, and is a labelled group', async ({ page }) => {
  await page.goto('/chapters/tokenizer/');
  const cell = cellOf(page, 'round-trip');
  await expect(cell).toHaveAttribute('role', 'group');
  await expect(cell).toHaveAttribute('aria-label', /round-trip/);
  await expect(cell.getByRole('region', { name: 'Output' })).toBeVisible();
  await expect(cell.getByRole('region', { name: 'Output' })).toContainText('christopher');
  for (const name of ['Run', 'Stop', 'Reset']) await expect(cell.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(cell.locator('.cm-editor')).toHaveCount(0); // no editor, and nothing run, until asked
  // focusing it turns it into the editor without moving the page: same font, size, line height,
  // the code where it was, the cell as tall
  const look = (line: string) =>
    cell.evaluate((root, line) => {
      const el = root.querySelector(line)!;
      const text = document.createRange();
      text.selectNodeContents(el);
      const first = [...text.getClientRects()].find((r) => r.width > 0)!;
      const s = getComputedStyle(el);
      const box = root.getBoundingClientRect();
      return { font: `${s.fontFamily} ${s.fontSize} ${s.lineHeight}`, x: Math.round(first.x - box.x), y: Math.round(first.y - box.y), height: Math.round(box.height) };
    }, line);
  const before = await look('.cell-code .line');
  await cell.locator('.cell-code pre').focus();
  await expect(cell.locator('.cm-editor')).toBeVisible();
  await expect.poll(() => look('.cm-line')).toEqual(before);
});

test('Run runs the book version and says the output matches', async ({ page }) => {
  await page.goto('/chapters/tokenizer/');
  const cell = cellOf(page, 'round-trip');
  await run(cell).click();
  await expect(cell.locator('.cell-status')).toHaveText(/Done in [\d.]+ s\. The output matches the book\./);
  await expect(cell.getByRole('region', { name: 'Output' })).toContainText('jo-ann');
});

test('an edit runs with Ctrl+Enter, shows a got/want diff, and survives a reload', async ({ page }) => {
  await page.goto('/chapters/tokenizer/');
  const cell = cellOf(page, 'round-trip');
  await edit(page, cell, "import { Tokenizer } from '@microgpt/engine';\nconsole.log(new Tokenizer(['ab']).encode('ba'));");
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(cell.getByRole('region', { name: 'Output' })).toHaveText('[ 1, 0 ]\n');
  await expect(cell.locator('.cell-status')).toContainText('differs from the book');
  await expect(cell.locator('.cell-diff')).toContainText('+ [ 1, 0 ]');
  await expect(cell).toHaveAttribute('data-edited', '');
  await page.reload();
  const again = cellOf(page, 'round-trip');
  await expect(again).toHaveAttribute('data-edited', '');
  await expect(again.locator('.cm-content')).toContainText("encode('ba')");
});

test('Reset restores the book version, and Undo brings the edit back', async ({ page }) => {
  await page.goto('/chapters/autograd/');
  const cell = cellOf(page, 'chain-rule');
  await edit(page, cell, 'console.log("mine");');
  await cell.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(cell.locator('.cm-content')).toContainText('const x = new Value(0.5);');
  await expect(cell).not.toHaveAttribute('data-edited', '');
  await cell.getByRole('button', { name: 'Undo' }).click();
  await expect(cell.locator('.cm-content')).toHaveText('console.log("mine");');
  await page.reload();
  await expect(cellOf(page, 'chain-rule').locator('.cm-content')).toHaveText('console.log("mine");');
});

test('an error shows its message and marks its line in the cell', async ({ page }) => {
  await page.goto('/chapters/autograd/');
  const cell = cellOf(page, 'chain-rule');
  await edit(page, cell, 'const a = 1;\nconsole.log(a);\nconst b: any = null;\nb.x;');
  await run(cell).click();
  await expect(cell.locator('.cell-status')).toContainText("TypeError: Cannot read properties of null (reading 'x') (line 4)");
  await expect(cell.getByRole('region', { name: 'Output' })).toContainText('1\n! TypeError');
  await expect(cell.locator('.cm-error-line')).toHaveText('b.x;');
});

test('Stop ends an infinite loop at once, and the page stays responsive', async ({ page }) => {
  await page.goto('/chapters/autograd/');
  const cell = cellOf(page, 'local-grads');
  await edit(page, cell, 'let i = 0;\nwhile (true) { i++; }');
  await run(cell).click();
  await expect(cell.locator('.cell-status')).toHaveText('Running…');
  const stop = cell.getByRole('button', { name: 'Stop', exact: true });
  await expect(stop).toBeEnabled();
  // the main thread is free while the worker spins: a task queued on it runs (a loop on the main
  // thread would hold it until the test's time-out); how fast it runs is a measure, not a test
  expect(await page.evaluate(() => new Promise<string>((r) => setTimeout(() => r('ran'), 0)))).toBe('ran');
  await stop.click();
  await expect(cell.locator('.cell-status')).toHaveText('Stopped.');
  await expect(stop).toBeDisabled();
  // a fresh worker runs the next cell
  await edit(page, cell, 'console.log("again");');
  await run(cell).click();
  await expect(cell.getByRole('region', { name: 'Output' })).toHaveText('again\n');
});

test('the time limit stops a runaway cell with a clear message', async ({ page }) => {
  await withTimeLimit(page, '/chapters/autograd/', 2);
  await page.goto('/chapters/autograd/');
  const cell = cellOf(page, 'chain-rule');
  await edit(page, cell, 'console.log("before");\nwhile (true) {}');
  await run(cell).click();
  await expect(cell.locator('.cell-status')).toHaveText('Stopped: the cell ran past its time limit of 2 s.', { timeout: 15_000 });
});

test('a million lines are cut with a notice', async ({ page }) => {
  await page.goto('/chapters/autograd/');
  const cell = cellOf(page, 'chain-rule');
  await edit(page, cell, 'for (let i = 0; i < 1_000_000; i++) console.log(i);');
  await run(cell).click();
  await expect(cell.getByRole('region', { name: 'Output' })).toContainText('… output cut at 5,000 lines or 1 MB', { timeout: 20_000 });
  await expect(cell.locator('.cell-status')).toContainText('Done in');
});

test('a saved edit that cannot be read is set aside with a message, and the book version shown', async ({ page }) => {
  await page.goto('/chapters/autograd/');
  await page.evaluate(() => localStorage.setItem('microgpt:cell:autograd:chain-rule', '{not json'));
  await page.reload();
  const cell = cellOf(page, 'chain-rule');
  await expect(cell.locator('.cell-notice')).toContainText('could not be read');
  await expect(cell.locator('.cell-code')).toContainText('const x = new Value(0.5);');
  expect(await page.evaluate(() => localStorage.getItem('microgpt:cell:autograd:chain-rule:unreadable'))).toBe('{not json');
});

test("when the book's version changed since the reader's edit, they are told and can compare", async ({ page }) => {
  await page.goto('/chapters/autograd/');
  await page.evaluate(() =>
    localStorage.setItem('microgpt:cell:autograd:chain-rule', JSON.stringify({ code: 'console.log("old edit");', bookHash: 'an-older-version', savedAt: '2026-01-01T00:00:00Z' })),
  );
  await page.reload();
  const cell = cellOf(page, 'chain-rule');
  await expect(cell.locator('.cell-notice')).toContainText("The book's version of this cell has changed since you edited it.");
  await cell.getByRole('button', { name: 'Compare' }).click();
  await expect(cell.locator('.cell-diff')).toContainText('+ console.log("old edit");');
  await expect(cell.locator('.cm-content')).toHaveText('console.log("old edit");');
});

test("an open editor and a run's output meet WCAG 2.2 AA, in the light and the dark theme", async ({ page }) => {
  await page.goto('/chapters/autograd/');
  const cell = cellOf(page, 'chain-rule');
  await cell.locator('.cell-code').click();
  await expect(cell.locator('.cm-content')).toBeVisible();
  await run(cell).click();
  await expect(cell.locator('.cell-status')).toContainText('matches the book');
  expect(await wcagInBothThemes(page, '[data-cell-id="chain-rule"]')).toEqual({ light: [], dark: [] });
});

test('a table and a heatmap from @microgpt/display are drawn as tables, beside their text form', async ({ page }) => {
  await page.goto('/chapters/autograd/');
  const cell = cellOf(page, 'chain-rule');
  await edit(
    page,
    cell,
    "import { heatmap, table } from '@microgpt/display';\ntable([{ char: 'a', id: 0 }, { char: 'b', id: 1 }], { title: 'vocabulary' });\nheatmap([[1, 0], [0.25, 0.75]], { title: 'attention', rowLabels: ['q0', 'q1'], colLabels: ['k0', 'k1'] });",
  );
  await run(cell).click();
  const vocabulary = cell.locator('figure.cell-display-table');
  await expect(vocabulary.locator('figcaption')).toHaveText('vocabulary');
  await expect(vocabulary.getByRole('row')).toHaveCount(3);
  const attention = cell.locator('figure.cell-display-heatmap');
  await expect(attention.getByRole('rowheader', { name: 'q1' })).toBeVisible();
  await expect(attention.getByRole('cell', { name: '0.75' })).toBeVisible();
  await expect(cell.getByRole('region', { name: 'Output' })).toContainText('[attention]\n      k0   k1\nq0  1.00 0.00\nq1  0.25 0.75');
});

test('a line chart of two series draws both, each labelled and in its own colour', async ({ page }) => {
  await page.goto('/chapters/autograd/');
  const cell = cellOf(page, 'chain-rule');
  await edit(page, cell, "import { lineChart } from '@microgpt/display';\nlineChart({ train: [3, 2, 1.5, 1], smoothed: [3, 2.5, 2] }, { title: 'loss' });");
  await run(cell).click();
  const chart = cell.locator('figure.cell-display-line .cell-chart');
  await expect(chart).toHaveAttribute('data-series', '2');
  await expect(chart).toHaveAttribute('aria-label', 'Line chart: loss, train, smoothed');
  await expect(chart.locator('.u-legend .u-series .u-label')).toHaveText(['train', 'smoothed']);
  const colours = await chart.locator('.u-legend .u-series .u-marker').evaluateAll((markers) => markers.map((m) => getComputedStyle(m).borderColor));
  expect(colours).toHaveLength(2);
  expect(colours[0]).not.toBe(colours[1]);
  await expect(cell.getByRole('region', { name: 'Output' })).toContainText('[loss]\n  train: 4 points, first 3.0000, last 1.0000, min 1.0000 at 4\n  smoothed: 3 points');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('a tap opens the editor, which wraps instead of scrolling sideways, and Run works', async ({ page }) => {
    await page.goto('/chapters/tokenizer/');
    const cell = cellOf(page, 'encode-name');
    await cell.locator('.cell-code').tap();
    const editor = cell.locator('.cm-content');
    await expect(editor).toBeVisible();
    expect(await cell.locator('.cm-scroller').evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(1);
    await run(cell).tap();
    await expect(cell.locator('.cell-status')).toContainText('matches the book');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  });
});
