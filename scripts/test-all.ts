// npm test: every suite, then one closing line "N passed, N failed" totalling them all.
//   at once: format, lint, type checks, engine and site unit tests, literate coverage
//   then the build, then at once: built-site checks and browser (e2e)
// The suites run at once print their output when they are all done, each under its own heading
// (the browser suite's as it comes). Every Node process shares one compile cache: some seventy test
// files, their worker threads and the build compile the same modules, which took a fifth of the
// unit tests' CPU time.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface Outcome {
  counts: Counts;
  output: string; // empty when the suite wrote to the terminal itself
  seconds: number;
}

const tmp = mkdtempSync(join(tmpdir(), 'microgpt-tests-'));
const compileCache = join(import.meta.dirname, '..', 'node_modules', '.cache', 'node-compile');
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.stdout.isTTY ? '1' : '0', NODE_COMPILE_CACHE: compileCache };
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const started = performance.now();

// runs a command to its end: its output kept (quiet) or on the terminal as it comes
function exec(command: string, args: string[], { cwd = '.', quiet = false, extraEnv = {} } = {}): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...env, ...extraEnv }, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (c: Buffer) => chunks.push(c));
    child.stderr?.on('data', (c: Buffer) => chunks.push(c));
    child.on('close', (status) => resolve({ status, output: Buffer.concat(chunks).toString('utf8') }));
    child.on('error', (error) => resolve({ status: 1, output: String(error) }));
  });
}

async function timed(run: () => Promise<{ counts: Counts; output: string }>): Promise<Outcome> {
  const start = performance.now();
  const { counts, output } = await run();
  return { counts, output, seconds: (performance.now() - start) / 1000 };
}

// node's test runner: spec output for the reader, TAP into a file for the counts
function nodeTests(name: string, cwd: string, patterns: string[], quiet: boolean): Promise<Outcome> {
  return timed(async () => {
    const tap = join(tmp, `${name.replace(/\W+/g, '-')}.tap`);
    // two files at a time on two cores: many tests wait on worker threads and child processes
    const args = ['--test', '--test-concurrency=2', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...patterns];
    const { status, output } = await exec(process.execPath, args, { cwd, quiet });
    const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
    const count = (key: string) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    const counts = { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') };
    if (status !== 0 && counts.failed === 0) counts.failed = 1; // the runner itself failed
    return { counts, output };
  });
}

// a command that passes or fails as a whole: a type check, the build
function commandSuite(name: string, command: string, args: string[], quiet: boolean): Promise<Outcome> {
  return timed(async () => {
    const { status, output } = await exec(command, args, { quiet });
    const ok = status === 0;
    return { counts: { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 }, output: `${output}${name}: ${ok ? 'ok' : 'FAILED'}\n` };
  });
}

function playwright(): Promise<Outcome> {
  return timed(async () => {
    const report = join(tmp, 'playwright.json');
    const { status } = await exec(npx, ['playwright', 'test', '-c', 'e2e', '--reporter=list,json'], { extraEnv: { PLAYWRIGHT_JSON_OUTPUT_NAME: report } });
    const stats = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')).stats : null;
    const counts = stats ? { passed: stats.expected, failed: stats.unexpected + stats.flaky, skipped: stats.skipped } : { passed: 0, failed: 0, skipped: 0 };
    if (status !== 0 && counts.failed === 0) counts.failed = 1;
    return { counts, output: '' };
  });
}

const results: [string, Outcome][] = [];
function report(name: string, outcome: Outcome): void {
  if (outcome.output) console.log(`\n=== ${name} ===\n${outcome.output.trimEnd()}`);
  results.push([name, outcome]);
}
const heading = (name: string) => console.log(`\n=== ${name} ===`);

// what reads the tree and writes nothing it shares: all at once, printed in this order
const atOnce: [string, Promise<Outcome>][] = [
  ['format (Prettier)', commandSuite('format (Prettier)', process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level', 'warn', '.'], true)],
  ['lint (ESLint)', commandSuite('lint (ESLint)', process.execPath, ['node_modules/eslint/bin/eslint.js', '.'], true)],
  ['typecheck: engine', commandSuite('typecheck: engine', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'engine'], true)],
  ['typecheck: site', commandSuite('typecheck: site', npx, ['astro', 'check'], true)],
  ['engine', nodeTests('engine', 'engine', ['test/**/*.test.ts'], true)],
  ['site units', nodeTests('site units', '.', ['src/**/*.test.ts', 'scripts/**/*.test.ts'], true)],
  ['literate coverage (every engine line quoted)', commandSuite('literate coverage', process.execPath, ['src/literate/build/check-literate.ts', '--strict'], true)],
];
for (const [name, outcome] of atOnce) report(name, await outcome);

heading('build');
const build = await commandSuite('build', npx, ['astro', 'build'], false);
report('build', { ...build, output: '' });
console.log(build.output);
if (build.counts.failed === 0) {
  // the built-site checks mostly wait on one Chromium printing the book: beside the browser suite
  heading('browser');
  const builtSite = nodeTests('built site', '.', ['e2e/**/*.test.ts'], true);
  const browser = await playwright();
  report('built site', await builtSite);
  report('browser', browser);
} else {
  for (const name of ['built site', 'browser']) {
    console.log(`\n${name}: not run (the build failed)`);
    results.push([name, { counts: { passed: 0, failed: 1, skipped: 0 }, output: '', seconds: 0 }]);
  }
}
rmSync(tmp, { recursive: true, force: true });
console.log(`\n${results.map(([name, o]) => `${name}: ${o.seconds.toFixed(1)} s`).join('\n')}\ntotal: ${((performance.now() - started) / 1000).toFixed(1)} s`);

const total = results.reduce((t, [, { counts: s }]) => ({ passed: t.passed + s.passed, failed: t.failed + s.failed, skipped: t.skipped + s.skipped }), { passed: 0, failed: 0, skipped: 0 });
process.exitCode = total.failed > 0 ? 1 : 0;
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
