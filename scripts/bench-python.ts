// npm run bench:python [-- --steps N]: what running Python in the page costs, from dist/ (build
// first). Pyodide's download (its files as served, and gzip and brotli sizes), then in Chromium on
// /python/: the time until Python is ready, cold (nothing cached) and warm (a second run in the same
// browser), and the milliseconds per training step. Without the network: the gist's URL is refused,
// so the runner runs the course's own Python script, which does what microgpt.py does step for step;
// or, with --original FILE (a copy of microgpt.py you have; the page checks its SHA-256), it is
// answered with that file, and microgpt.py itself runs.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launchChromium, sitePage } from '../e2e/chromium.ts';
import { createStaticServer, defaultRoot, listen } from '../e2e/static-server.ts';
import facts from '../src/python/shared/microgpt-py.json' with { type: 'json' };
import { PYODIDE_FILES } from '../src/python/build/pyodide.ts';

const { values } = parseArgs({ options: { steps: { type: 'string', default: '20' }, original: { type: 'string' } } });
const steps = Number(values.steps);
const MB = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

const dir = join(defaultRoot, 'pyodide');
if (!existsSync(dir)) throw new Error(`${dir} is missing: run npx astro build first`);
let raw = 0;
let gzip = 0;
let brotli = 0;
for (const file of PYODIDE_FILES) {
  const bytes = readFileSync(join(dir, file));
  const sizes = [bytes.length, gzipSync(bytes, { level: 9 }).length, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
  [raw, gzip, brotli] = [raw + sizes[0], gzip + sizes[1], brotli + sizes[2]];
  console.log(`${file.padEnd(20)} ${MB(sizes[0]).padStart(9)}  gzip ${MB(sizes[1]).padStart(9)}  brotli ${MB(sizes[2]).padStart(9)}`);
}
console.log(`${'Pyodide, all'.padEnd(20)} ${MB(raw).padStart(9)}  gzip ${MB(gzip).padStart(9)}  brotli ${MB(brotli).padStart(9)}\n`);

const server = createStaticServer();
const port = await listen(server, 0);
const browser = await launchChromium();
try {
  const page = await sitePage(browser);
  const original = values.original === undefined ? null : readFileSync(values.original);
  await page.route(facts.rawUrl, (route) => (original ? route.fulfill({ status: 200, contentType: 'text/plain', body: original }) : route.abort('failed')));
  await page.goto(`http://127.0.0.1:${port}/python/`);
  for (const run of ['cold', 'warm']) {
    await page.getByLabel('Training steps').fill(String(steps));
    await page.getByRole('button', { name: 'Run' }).click();
    await page.locator('.python-run-status:not([data-ready-ms])').waitFor(); // this run's, not the last one's
    const status = page.locator('.python-run-status[data-ready-ms]');
    await status.waitFor({ timeout: 300_000 });
    const { readyMs, stepMs } = await status.evaluate((s: HTMLElement) => ({ readyMs: Number(s.dataset.readyMs), stepMs: Number(s.dataset.stepMs) }));
    const summary = await page.locator('.python-run-summary').textContent();
    const script = (await page.locator('.python-run-script strong').textContent())!;
    console.log(`${run}: Python ready in ${(readyMs / 1000).toFixed(2)} s; ${stepMs} ms per training step (${steps} steps of ${script}); ${summary}`);
  }
} finally {
  await browser.close();
  server.close();
}
