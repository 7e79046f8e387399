// npm run bench [-- --runs N --steps N]: trains 1000 steps on names.txt (../shared), or on the
// default dataset where ../shared is absent, with the teaching engine and with the fast one, each
// run in a fresh process, the two engines taking turns; prints each run, then per engine the
// median wall time (preparing the model and training), the median ms per training step and the
// peak memory, and the ratio of the two engines' ms per step. Then the same runs in a Web Worker of
// headless Chromium, as the page trains (browser.ts; skipped, saying so, where no Chromium is found
// or with --no-browser).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDatasetText } from '../src/dataset.ts';
import { browserRuns, findChromium } from './browser.ts';

const here = dirname(fileURLToPath(import.meta.url));
const namesTxt = resolve(here, '..', '..', '..', 'shared', 'data', 'names.txt');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, steps: { type: 'string', default: '1000' }, 'no-browser': { type: 'boolean', default: false } } });
const runs = Number(values.runs);
const steps = Number(values.steps);
const data = existsSync(namesTxt) ? namesTxt : 'default';
// the same V8 flags as `npm run train` (see package.json)
const nodeFlags = ['--max-semi-space-size=128', '--min-semi-space-size=128'];
const engines = ['teaching', 'fast'] as const;

interface Result {
  wallMs: number;
  trainMs: number;
  maxRssKb: number;
  lastLoss: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

console.log(
  `bench: ${steps} training steps on ${data === 'default' ? 'the default dataset (../shared is absent)' : 'names.txt'}, ${runs} runs per engine, node ${process.version} ${nodeFlags.join(' ')}`,
);
const results: Record<(typeof engines)[number], Result[]> = { teaching: [], fast: [] };
for (let i = 0; i < runs; i++) {
  for (const engine of engines) {
    const out = execFileSync(process.execPath, [...nodeFlags, join(here, 'train-once.ts'), data, String(steps), engine], { encoding: 'utf8' });
    const result: Result = JSON.parse(out);
    results[engine].push(result);
    const line = `${(result.wallMs / 1000).toFixed(2)} s, ${(result.trainMs / steps).toFixed(3)} ms/step, peak RSS ${(result.maxRssKb / 1024).toFixed(0)} MB`;
    console.log(`run ${i + 1} ${engine.padEnd(8)}: ${line}`);
  }
}
const msPerStep = (engine: (typeof engines)[number]): number => median(results[engine].map((r) => r.trainMs)) / steps;
for (const engine of engines) {
  const rs = results[engine];
  console.log(`\n${engine} engine`);
  console.log(`  median wall time: ${(median(rs.map((r) => r.wallMs)) / 1000).toFixed(3)} s (preparing the model and ${steps} steps)`);
  console.log(`  median training:  ${((msPerStep(engine) * steps) / 1000).toFixed(3)} s, ${msPerStep(engine).toFixed(3)} ms/step`);
  console.log(`  peak memory:      ${(Math.max(...rs.map((r) => r.maxRssKb)) / 1024).toFixed(0)} MB (max RSS over runs)`);
}
console.log(`\nratio: the fast engine takes 1/${(msPerStep('teaching') / msPerStep('fast')).toFixed(1)} of the teaching engine's time per step`);
const same = results.teaching.every((t, i) => Object.is(t.lastLoss, results.fast[i].lastLoss));
console.log(`final losses: ${same ? 'identical' : 'DIFFERENT'} (${results.fast[0]?.lastLoss})`);
if (!same) process.exitCode = 1;

const chromium = findChromium();
if (values['no-browser']) console.log('\nbrowser: skipped (--no-browser)');
else if (chromium === null) console.log('\nbrowser: skipped, no Chromium found (set CHROMIUM_PATH)');
else {
  const text = data === 'default' ? defaultDatasetText() : readFileSync(data, 'utf8');
  const version = execFileSync(chromium, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  console.log(`\nbrowser: ${steps} steps in a Web Worker of headless ${version}, ${runs} runs per engine`);
  const inBrowser = await browserRuns(chromium, text, steps, runs);
  const browserMs = (engine: (typeof engines)[number]): number => median(inBrowser.filter((r) => r.engine === engine).map((r) => r.trainMs));
  for (const engine of engines) console.log(`  ${engine.padEnd(8)} median training: ${(browserMs(engine) / 1000).toFixed(3)} s, ${(browserMs(engine) / steps).toFixed(3)} ms/step`);
  console.log(`  ratio: the fast engine takes 1/${(browserMs('teaching') / browserMs('fast')).toFixed(1)} of the teaching engine's time`);
  const sameInBrowser = inBrowser.every((r) => Object.is(r.lastLoss, results.fast[0]?.lastLoss));
  console.log(`  final losses: ${sameInBrowser ? "identical to Node's" : "DIFFERENT from Node's"}`);
  if (!sameInBrowser) process.exitCode = 1;
}
