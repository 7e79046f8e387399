// npm test: every suite, then one closing line "N passed, N failed" totalling them all.
// Each suite starts once what it waits for has ended, so that both cores stay busy without slowing
// the build, which everything in a browser waits for:
//   the build, beside format, lint, the engine's type check, literate coverage and the unit tests of
//   shared and page code;
//   then the browser suite, the built-site checks and the site's type check (when the build
//   passed; the check reads the types the build generates), beside the other unit tests.
// A suite's output is printed when it ends, under its own heading (the browser suite's as it comes;
// what ends meanwhile, after it). Every Node process shares one compile cache: some seventy test
// files, their worker threads and the build compile the same modules, which took a fifth of the
// unit tests' CPU time.
import { spawn } from 'node:child_process';
import { existsSync, globSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
// Prettier and ESLint skip a file whose text (and their version and settings) they passed before: a
// run with nothing changed takes them 2 CPU-s instead of 20. A file that fails is checked every time.
const lintCache = (location: string) => ['--cache', '--cache-strategy', 'content', '--cache-location', join(import.meta.dirname, '..', 'node_modules', '.cache', location)];
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

// node's test runner: spec output for the reader, TAP into a file for the counts; each file in a
// process of its own, two at a time (many tests wait on worker threads and child processes), or all
// of them in one process
function nodeTests(name: string, cwd: string, files: string[], quiet: boolean, { oneProcess = false } = {}): Promise<Outcome> {
  return timed(async () => {
    const tap = join(tmp, `${name.replace(/\W+/g, '-')}.tap`);
    const isolation = oneProcess ? ['--test-isolation=none'] : ['--test-concurrency=2'];
    const args = ['--test', ...isolation, '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files];
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

// The site's unit tests. Those in shared/ and page/ folders test code that runs in a browser too,
// and run together in one process: each paid about half a second to start a process of its own,
// more than most of them take to run. Sharing a process, a file must leave it as it found it: it
// mocks timers or globals in its own tests' context (t.mock), and keeps the working directory.
const unitTests = globSync(['src/**/*.test.ts', 'scripts/**/*.test.ts']).sort();
const pureUnitTests = unitTests.filter((file) => /(^|\/)(shared|page)\//.test(file));
const otherUnitTests = unitTests.filter((file) => !pureUnitTests.includes(file));

interface Suite {
  name: string;
  after?: string; // a suite that must pass first
  startsAfter?: string; // a suite to let finish first, pass or fail: the build runs alone with the light checks
  live?: boolean; // writes to the terminal as it goes (the others' output waits for it)
  run: () => Promise<Outcome>;
}
const suites: Suite[] = [
  { name: 'build', run: () => commandSuite('build', npx, ['astro', 'build'], true) },
  {
    name: 'format (Prettier)',
    run: () => commandSuite('format (Prettier)', process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level', 'warn', ...lintCache('prettier/cache.json'), '.'], true),
  },
  { name: 'lint (ESLint)', run: () => commandSuite('lint (ESLint)', process.execPath, ['node_modules/eslint/bin/eslint.js', ...lintCache('eslint/'), '.'], true) },
  { name: 'typecheck: engine', run: () => commandSuite('typecheck: engine', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'engine'], true) },
  { name: 'literate coverage (every engine line quoted)', run: () => commandSuite('literate coverage', process.execPath, ['src/literate/build/check-literate.ts', '--strict'], true) },
  // the build has written Astro's generated types (astro sync), which the check reads
  { name: 'typecheck: site', after: 'build', run: () => commandSuite('typecheck: site', npx, ['astro', 'check', '--noSync'], true) },
  { name: 'browser', after: 'build', live: true, run: () => playwright() },
  { name: 'built site', after: 'build', run: () => nodeTests('built site', '.', ['e2e/**/*.test.ts'], true) },
  { name: 'engine', startsAfter: 'build', run: () => nodeTests('engine', 'engine', ['test/**/*.test.ts'], true) },
  { name: 'site units', startsAfter: 'build', run: () => nodeTests('site units', '.', otherUnitTests, true) },
  { name: 'site units: shared and page code', run: () => nodeTests('site units: shared and page code', '.', pureUnitTests, true, { oneProcess: true }) },
];

const ended = new Map<string, Promise<Outcome>>();
const notRun: Outcome = { counts: { passed: 0, failed: 1, skipped: 0 }, output: '', seconds: 0 };
// what ends while a live suite writes to the terminal waits for it to finish
let live = false;
const held: string[] = [];
const print = (text: string) => (live ? held.push(text) : console.log(text));
for (const suite of suites) {
  const first = suite.after ?? suite.startsAfter;
  const before = first ? ended.get(first)! : Promise.resolve(null);
  const outcome = before.then(async (previous) => {
    if (suite.after && previous && previous.counts.failed > 0) return { ...notRun, output: `${suite.name}: not run (the ${suite.after} failed)\n` };
    if (!suite.live) return suite.run();
    print(`\n=== ${suite.name} ===`);
    live = true;
    const outcome = await suite.run();
    live = false;
    for (const text of held.splice(0)) console.log(text);
    return outcome;
  });
  ended.set(
    suite.name,
    outcome.then((o) => {
      if (o.output) print(`\n=== ${suite.name} ===\n${o.output.trimEnd()}`);
      return o;
    }),
  );
}
const results = await Promise.all(suites.map(async (suite) => [suite.name, await ended.get(suite.name)!] as const));
rmSync(tmp, { recursive: true, force: true });
console.log(`\n${results.map(([name, o]) => `${name}: ${o.seconds.toFixed(1)} s`).join('\n')}\ntotal: ${((performance.now() - started) / 1000).toFixed(1)} s`);

const total = results.reduce((t, [, { counts: s }]) => ({ passed: t.passed + s.passed, failed: t.failed + s.failed, skipped: t.skipped + s.skipped }), { passed: 0, failed: 0, skipped: 0 });
process.exitCode = total.failed > 0 ? 1 : 0;
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
