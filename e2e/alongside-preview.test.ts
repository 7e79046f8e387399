// The browser tests' server starts, and serves the site, while the reader's `npm start` (astro
// preview) is serving it too: astro preview allows one per project, so the tests must not use it.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { e2ePort, freePortSync, staticServerCommand } from './e2e-server.ts';
import { dist } from './site.ts';

const root = resolve(import.meta.dirname, '..');
const STARTUP_MS = 60_000;
const STOP_MS = 5_000;

interface Started {
  child: ChildProcess;
  output(): string;
  exited: Promise<void>;
  hasExited(): boolean;
}

// a command line run by a shell, as `npm start` and Playwright's webServer run theirs; in a process
// group of its own (not on Windows) so that stopping it stops what it started (npx → astro)
function start(command: string): Started {
  const child = spawn(command, {
    cwd: root,
    shell: true,
    detached: process.platform !== 'win32',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  let output = '';
  let exited = false;
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exitedPromise = new Promise<void>((done) => {
    child.once('exit', () => {
      exited = true;
      done();
    });
    child.once('error', (error) => {
      output += String(error);
      exited = true;
      done();
    });
  });
  return { child, output: () => output, exited: exitedPromise, hasExited: () => exited };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function signalGroup(s: Started, signal: NodeJS.Signals): void {
  const pid = s.child.pid;
  if (pid === undefined) return;
  try {
    if (process.platform === 'win32') spawnSync('taskkill', ['/pid', String(pid), '/T', '/F']);
    else process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function running(s: Started): boolean {
  const pid = s.child.pid;
  if (pid === undefined || process.platform === 'win32') return !s.hasExited();
  try {
    process.kill(-pid, 0); // anyone left in its group?
    return true;
  } catch {
    return false;
  }
}

async function gone(s: Started, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (running(s) && Date.now() < deadline) await sleep(100);
  return !running(s);
}

// SIGTERM to its process group, SIGKILL if anything of it is left after STOP_MS: bounded either way
async function stop(s: Started): Promise<void> {
  signalGroup(s, 'SIGTERM');
  if (!(await gone(s, STOP_MS))) signalGroup(s, 'SIGKILL');
  assert.ok(await gone(s, STOP_MS), `could not stop: ${s.child.spawnargs.join(' ')}`);
}

/** GETs url until it answers 200 (giving its body), or `s` exits, or STARTUP_MS pass. */
async function waitForPage(url: string, s?: Started): Promise<string> {
  const deadline = Date.now() + STARTUP_MS;
  let last = '';
  while (Date.now() < deadline) {
    if (s?.hasExited()) throw new Error(`exited before answering ${url}:\n${s.output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      const body = await response.text();
      if (response.status === 200) return body;
      last = `status ${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${STARTUP_MS / 1000} s (${last})${s ? `:\n${s.output()}` : ''}`);
}

const home = readFileSync(resolve(dist, 'index.html'), 'utf8');
const homeTitle = /<title>[^<]*<\/title>/.exec(home)?.[0] ?? '<title>';

test('the browser tests serve the site on their own port while `astro preview` serves it too', { timeout: 4 * STARTUP_MS }, async (t) => {
  const previewPort = freePortSync();
  let preview: Started | undefined;
  let staticServer: Started | undefined;
  try {
    // the reader's server, as `npm start` starts it
    preview = start(`npx astro preview --host 127.0.0.1 --port ${previewPort}`);
    let previewUrl = `http://127.0.0.1:${previewPort}/`;
    let previewBody: string;
    try {
      previewBody = await waitForPage(previewUrl, preview);
    } catch (error) {
      // the reader's own `npm start` is up already: astro refused a second preview, so test alongside theirs
      const theirs = /Another astro preview server is already running[\s\S]*?URL:\s*(\S+)/.exec(preview.output());
      if (!theirs) throw error;
      preview = undefined; // not ours to stop
      previewUrl = new URL('/', theirs[1]).href;
      t.diagnostic(`an astro preview is already serving this project at ${previewUrl}: testing alongside it`);
      previewBody = await waitForPage(previewUrl);
    }
    assert.ok(previewBody.includes(homeTitle), `astro preview at ${previewUrl} answers with the home page`);
    if (preview) assert.equal(previewBody, home);

    // the browser tests' server, started as e2e/playwright.config.ts starts it
    const port = e2ePort();
    assert.notEqual(String(port), new URL(previewUrl).port || '80');
    staticServer = start(staticServerCommand(port));
    const staticBody = await waitForPage(`http://127.0.0.1:${port}/`, staticServer);
    assert.equal(staticBody, home, 'the e2e static server answers with the built home page');

    // both still serve, side by side
    assert.ok((await waitForPage(previewUrl)).includes(homeTitle), 'astro preview still answers');
    assert.equal(preview?.hasExited() ?? false, false, 'astro preview is still running');
    await stop(staticServer);
    staticServer = undefined;
    assert.ok((await waitForPage(previewUrl)).includes(homeTitle), 'astro preview outlives the e2e server');
  } finally {
    if (staticServer) await stop(staticServer);
    if (preview) {
      await stop(preview);
      removeOurStaleLock(previewPort);
    }
  }
});

// astro preview, stopped by a signal, leaves its lock file (.astro/preview.json) behind; ours goes, nobody else's
function removeOurStaleLock(port: number): void {
  const lock = resolve(root, '.astro', 'preview.json');
  if (!existsSync(lock)) return;
  try {
    const data = JSON.parse(readFileSync(lock, 'utf8')) as { pid?: number; port?: number };
    if (data.port !== port || typeof data.pid !== 'number') return;
    try {
      process.kill(data.pid, 0);
      return; // still running: not stale
    } catch {
      rmSync(lock, { force: true });
    }
  } catch {
    // unreadable: astro's own concern
  }
}
