// microgpt.py beside the port, without the network: the gist's raw URL is routed to a mismatching
// body or to a failed request, and the page explains and links instead of showing anything; the
// /python/ page's runner then runs the course's own Python script in Pyodide, labelled as such,
// and its lines equal the engine's (the CLI's, computed here) line for line.
import { expect, type Page, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import facts from '../src/python/shared/microgpt-py.json' with { type: 'json' };
import { wcagViolations } from './axe.ts';

const root = resolve(import.meta.dirname, '..');
const gistHost = new URL(facts.rawUrl).host;
const STEPS = 3;

// every request a page makes to the gist's host, from its first load on
function gistRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).host === gistHost) seen.push(r.url());
  });
  return seen;
}

test('a quoted region links its lines of microgpt.py; Show the Python refuses a mismatching file and explains a failed request', async ({ page }) => {
  const requests = gistRequests(page);
  let answer: 'mismatch' | 'fail' = 'mismatch';
  await page.route(facts.rawUrl, (route) => (answer === 'mismatch' ? route.fulfill({ status: 200, contentType: 'text/plain', body: 'print("not microgpt.py")\n' }) : route.abort('failed')));
  await page.goto('/chapters/autograd/');
  const figure = page.locator('figure.literate[data-region="operations"]');
  const twin = figure.locator('.python-twin');
  await expect(twin).toContainText('microgpt.py L39–L50');
  await expect(twin.getByRole('link', { name: 'L39–L50' })).toHaveAttribute('href', `https://gist.github.com/${facts.gist}/${facts.revision}#file-microgpt-py-L39-L50`);
  await page.waitForLoadState('networkidle');
  expect(requests, 'nothing is fetched from the gist until the reader asks').toEqual([]);
  const typescript = await figure.locator('pre').textContent();

  await twin.getByRole('button', { name: 'Show the Python' }).click();
  const note = figure.locator('.python-note');
  await expect(note).toHaveText(
    /^The file gist\.githubusercontent\.com sent is not the revision this course maps \(its SHA-256 differs\), so it is not shown\. You can read microgpt\.py L39–L50 on GitHub\.$/,
  );
  await expect(note.getByRole('link')).toHaveAttribute('href', /#file-microgpt-py-L39-L50$/);
  await expect(figure.locator('.python-pane-py')).toHaveCount(0);
  expect(await figure.locator('pre').textContent(), 'the TypeScript is as it was').toBe(typescript);
  expect(requests).toHaveLength(1);

  answer = 'fail';
  await twin.getByRole('button', { name: 'Show the Python' }).click();
  await expect(note).toHaveText(
    /^microgpt\.py could not be fetched from gist\.githubusercontent\.com: the network, a filter or an extension stopped the request\. You can read microgpt\.py L39–L50 on GitHub\.$/,
  );
  await expect(figure.locator('.python-note')).toHaveCount(1);
  expect(requests).toHaveLength(2);
});

test('a region no line ports says why and where Python does it; the engine pages and a chapter list their lines', async ({ page }) => {
  await page.goto('/chapters/dataset/');
  await expect(page.locator('figure.literate[data-region="shuffle"] .python-twin')).toHaveText(/No line of microgpt\.py: random\.shuffle, in CPython's random\.py, used at L20\s*Show the Python/);
  await page.goto('/engine/model/');
  await expect(page.locator('[data-region="gpt"] .python-twin').first()).toContainText('microgpt.py L79, L108–L144');
  await page.goto('/chapters/tokenizer/');
  await expect(page.locator('.component-size')).toHaveText(/In the engine: tokenizer\.ts, \d+ lines\. In microgpt\.py: 3 lines of code \(4 with the comments and blank lines among them\): L23–L26\./);
});

test("/python/ runs the course's Python script in Pyodide when the gist fails, and every line equals the engine's", async ({ page }) => {
  test.setTimeout(120_000);
  const cli = spawnSync(process.execPath, ['engine/src/cli.ts', '--engine', 'fast', '--steps', String(STEPS)], { cwd: root, encoding: 'utf8' });
  expect(cli.status).toBe(0);
  const engineLines = cli.stdout.trimEnd().split('\n');
  expect(engineLines).toHaveLength(3 + STEPS + 2 + 20);

  const requests = gistRequests(page);
  await page.route(facts.rawUrl, (route) => route.abort('failed'));
  await page.goto('/python/');
  await page.waitForLoadState('networkidle');
  expect(requests).toEqual([]);
  expect(await page.locator('.atlas .py-line').count()).toBe(facts.lines);
  await expect(page.locator('.atlas-where').filter({ hasText: 'L59–L72' })).toContainText('value.ts backward, explained in Autograd');

  await page.getByLabel('Training steps').fill(String(STEPS));
  await page.getByRole('button', { name: 'Run' }).click();
  const output = page.locator('[data-python-output]');
  await expect(output.locator('.python-run-script')).toContainText('So this runs the course’s own Python script, not microgpt.py: engine/test/fixtures/microgpt_ref.py');
  await expect(output.locator('.python-run-script')).toContainText(`microgpt_ref.py --data input.txt --steps ${STEPS}`);
  await expect(output.locator('progress')).toBeVisible();
  const summary = output.locator('.python-run-summary');
  await expect(summary).toBeVisible({ timeout: 100_000 });
  await expect(summary).toHaveText(`All ${engineLines.length} lines are the same.`);
  const rows = output.locator('tbody tr');
  const python = await rows.locator('td:nth-child(2)').allTextContents();
  const engine = await rows.locator('td:nth-child(3)').allTextContents();
  expect(python).toEqual(engineLines);
  expect(engine).toEqual(engineLines);
  const status = output.locator('.python-run-status');
  await expect(status).toContainText(/^Done\. Python downloaded [\d.]+ MB and was ready in [\d.]+ s; it ran in [\d.]+ s, about \d+ ms per training step\.$/);
  console.log(`pyodide in Chromium: ${await status.textContent()}`);
  expect(await wcagViolations(page, { include: '[data-python-output]' })).toEqual([]);
});
