// The browser half of bench.ts: the same training run in a Web Worker of headless Chromium, as a
// reader's page runs it, timed inside the worker. The engine is bundled for the worker with
// esbuild and served from a routed address, so no site build is needed. esbuild and Playwright
// are the project's development tools (the root package.json), not the engine's dependencies.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BrowserResult {
  engine: 'teaching' | 'fast';
  trainMs: number;
  lastLoss: number;
}

const here = dirname(fileURLToPath(import.meta.url));

// the worker: prepare the model (not timed) and train numSteps steps (timed) with one engine
const workerSource = `
import { loadDocs, prepare as prepareTeaching, train as trainTeaching } from '../src/index.ts';
import { prepare as prepareFast, train as trainFast } from '../fast/index.ts';
self.onmessage = (event) => {
  const { engine, text, numSteps } = event.data;
  const fast = engine === 'fast';
  const { docs, tokenizer, model } = (fast ? prepareFast : prepareTeaching)(loadDocs(text), 42);
  const start = performance.now();
  let lastLoss = NaN;
  for (const step of (fast ? trainFast : trainTeaching)(model, tokenizer, docs, { numSteps })) lastLoss = step.loss;
  self.postMessage({ engine, trainMs: performance.now() - start, lastLoss });
};
`;

export function findChromium(): string | null {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p)) ?? null;
}

// Runs `runs` rounds, the two engines taking turns, each run in a fresh worker
export async function browserRuns(executablePath: string, text: string, numSteps: number, runs: number): Promise<BrowserResult[]> {
  const { build } = await import('esbuild');
  const { chromium } = await import('@playwright/test');
  const bundle = await build({ stdin: { contents: workerSource, resolveDir: here, loader: 'ts' }, bundle: true, format: 'esm', write: false, platform: 'browser', target: 'es2022' });
  const browser = await chromium.launch({ executablePath, args: ['--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    await page.route('http://bench.invalid/**', (route) =>
      route.request().url().endsWith('/worker.js')
        ? route.fulfill({ contentType: 'text/javascript', body: bundle.outputFiles[0].text })
        : route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }),
    );
    await page.goto('http://bench.invalid/');
    const results: BrowserResult[] = [];
    for (let i = 0; i < runs; i++) {
      for (const engine of ['teaching', 'fast'] as const) {
        const result = await page.evaluate(
          (input) =>
            new Promise<BrowserResult>((resolve, reject) => {
              const worker = new Worker('/worker.js', { type: 'module' });
              worker.onmessage = (event) => {
                worker.terminate();
                resolve(event.data);
              };
              worker.onerror = (event) => reject(new Error(event.message));
              worker.postMessage(input);
            }),
          { engine, text, numSteps },
        );
        results.push(result);
      }
    }
    return results;
  } finally {
    await browser.close();
  }
}
