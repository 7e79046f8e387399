// Shared by the engine's tests: fixture paths, ../shared detection, running the CLI.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Notes } from './record/notes.ts';

export const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..');
export const fixtures = join(here, 'fixtures');
export const shared = resolve(repoRoot, '..', 'shared');
export const namesTxt = join(shared, 'data', 'names.txt');

// for node:test's { skip }: false when ../shared is present, else a one-line reason
export const needsShared = existsSync(namesTxt) ? false : '../shared is absent (a fresh clone has none): names.txt parity needs it';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fixture's fields it knows
export function fixtureJson<T = any>(name: string): T {
  return JSON.parse(readFileSync(join(fixtures, name), 'utf8')) as T;
}

export function fixtureText(name: string): string {
  return readFileSync(join(fixtures, name), 'utf8');
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

// Child processes run at most one per core. The test runner runs the test files one after another
// on a small machine, so a file's CLI runs, started together, are where the parallelism is.
const slots = Math.max(1, availableParallelism());
let busy = 0;
const queue: (() => void)[] = [];

async function inSlot<T>(job: () => Promise<T>): Promise<T> {
  if (busy >= slots) await new Promise<void>((go) => queue.push(go));
  else busy++;
  try {
    return await job();
  } finally {
    const next = queue.shift();
    if (next)
      next(); // the slot passes straight on
    else busy--;
  }
}

// Node's own compile cache (keyed by each file's contents, so never stale) spares every CLI run the
// TypeScript stripping of the engine's sources; a cache the caller set is kept.
const compileCache = process.env.NODE_COMPILE_CACHE ?? join(tmpdir(), 'microgpt-engine-tests-compile-cache');

function spawnNode(nodeArgs: string[], input?: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return inSlot(
    () =>
      new Promise<CliResult>((done) => {
        const child = spawn(process.execPath, nodeArgs, { cwd: repoRoot, env: { ...process.env, NODE_COMPILE_CACHE: compileCache, ...env } });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
        child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
        // never rejects, so a run started before its test awaits it cannot be an unhandled rejection
        child.on('error', (error) => done({ status: null, stdout, stderr: stderr + String(error) }));
        child.on('close', (status) => done({ status, stdout, stderr }));
        child.stdin.end(input);
      }),
  );
}

const cliTs = join(repoRoot, 'engine', 'src', 'cli.ts');

// The V8 flags `npm run train` gives node (the root package.json's "train" script): a large young
// generation, under which training runs about a third faster. They tune the garbage collector
// only, never what is printed; should the script lose them, the CLI runs without.
export const trainNodeFlags: string[] = (() => {
  const script: string = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts?.train ?? '';
  const words = script.trim().split(/\s+/);
  const cli = words.indexOf('engine/src/cli.ts');
  return words[0] === 'node' && cli > 0 ? words.slice(1, cli).filter((w) => /^--[\w-]+(=\S+)?$/.test(w)) : [];
})();

// the CLI as `npm run -s train -- ...args` runs it, in a child process; start every run a file
// needs before awaiting any of them
export function runCli(args: string[], input?: string): Promise<CliResult> {
  return spawnNode([...trainNodeFlags, cliTs, ...args], input);
}

export interface RecordedResult extends CliResult {
  notes: Notes | null; // null if the run noted nothing (it failed before exit, or the wrappers were not used)
}

// The CLI, with the full-precision numbers it computed on the way (see record/register.ts).
// Memoised: every test that needs the same run shares the one training.
const recorded = new Map<string, Promise<RecordedResult>>();

export function recordedCli(args: string[]): Promise<RecordedResult> {
  const key = JSON.stringify(args);
  let run = recorded.get(key);
  if (!run) {
    run = (async () => {
      const dir = mkdtempSync(join(tmpdir(), 'microgpt-record-'));
      const file = join(dir, 'notes.json');
      try {
        const result = await spawnNode([...trainNodeFlags, '--import', join(here, 'record', 'register.ts'), cliTs, ...args], undefined, { MICROGPT_RECORD: file });
        return { ...result, notes: existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Notes) : null };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    })();
    recorded.set(key, run);
  }
  return run;
}
