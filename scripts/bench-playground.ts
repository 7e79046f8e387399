// npm run bench:playground: how fast /playground/ trains in Chromium, and how long the page's main
// thread is ever busy meanwhile. For the default model and a 4-layer, 64-wide one it prints the
// steps per second of training alone (the Worker's clock), the wall time with the held-out loss,
// samples and snapshots measured as the page measures them, and the longest main-thread task from
// a Chromium trace (every task the renderer's main thread ran, not only those over 50 ms). Needs a
// built site (npm run build).
import { existsSync } from 'node:fs';
import { launchChromium, sitePage } from '../e2e/chromium.ts';
import { createStaticServer, defaultRoot, listen } from '../e2e/static-server.ts';

if (!existsSync(defaultRoot)) throw new Error('no built site in dist/: run npm run build first');

const configs = [
  { name: 'default (1 layer, 16 wide)', query: '' },
  { name: '4 layers, 64 wide', query: '?n-layer=4&n-embd=64' },
];

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number; // wall time, µs
  tdur?: number; // the thread's own CPU time, µs
  ts: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

// The longest task on the page's main thread (CrRendererMain), in ms: by the wall clock, and by the
// thread's own CPU time, which leaves out the time the thread waited for a core. On a machine
// shared with other work the two differ; the CPU time is what the page's code costs.
function longestMainTask(trace: { traceEvents: TraceEvent[] }): { wall: number; cpu: number } {
  const events = trace.traceEvents;
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  let wall = 0;
  let cpu = 0;
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || !main.has(`${e.pid}:${e.tid}`)) continue;
    wall = Math.max(wall, (e.dur ?? 0) / 1000);
    cpu = Math.max(cpu, (e.tdur ?? 0) / 1000);
  }
  return { wall, cpu };
}

const server = createStaticServer();
const port = await listen(server, 0);
const browser = await launchChromium();
try {
  for (const { name, query } of configs) {
    const page = await sitePage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/playground/${query}`);
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
    });
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    await page
      .locator('.pg-run')
      .getByRole('button', { name: /^Train/ })
      .click();
    await page.locator('.pg-run[data-train-ms]').waitFor({ timeout: 600_000 });
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
    const run = await page.locator('.pg-run').evaluate((el: HTMLElement) => ({ ...el.dataset }));
    const params = (await page.locator('.pg-params').textContent())!.split(' ')[0];
    const over50 = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.length);
    const longest = longestMainTask(trace);
    const steps = Number(run.steps);
    const trainS = Number(run.trainMs) / 1000;
    const wallS = Number(run.wallMs) / 1000;
    console.log(
      `${name}, ${params} parameters, ${steps} steps: ${(steps / trainS).toFixed(0)} steps/s training alone (${trainS.toFixed(2)} s); ` +
        `${wallS.toFixed(2)} s in all with the held-out loss, samples and snapshots (${(steps / wallS).toFixed(0)} steps/s); ` +
        `longest main-thread task ${longest.cpu.toFixed(1)} ms of CPU time, ${longest.wall.toFixed(1)} ms by the wall clock (${over50} long tasks over 50 ms)`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
