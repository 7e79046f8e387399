// npm test: every suite, then one closing line "N passed, N failed" totalling them all.
//   format and lint -> type checks -> engine unit tests -> site unit tests -> literate coverage -> build -> built-site checks -> browser (e2e)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

const tmp = mkdtempSync(join(tmpdir(), 'microgpt-tests-'));
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const started = performance.now();
const timings: string[] = [];
let suiteStart = started;

function heading(name: string): void {
  const now = performance.now();
  if (timings.length > 0) timings[timings.length - 1] += ` ${((now - suiteStart) / 1000).toFixed(1)} s`;
  suiteStart = now;
  timings.push(name + ':');
  console.log(`\n=== ${name} ===`);
}

// node's test runner: spec output on the terminal, TAP into a file for the counts
function nodeTests(name: string, cwd: string, patterns: string[]): Counts {
  heading(name);
  const tap = join(tmp, `${name.replace(/\W+/g, '-')}.tap`);
  const args = ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...patterns];
  const result = spawnSync(process.execPath, args, { cwd, stdio: 'inherit', env });
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (key: string) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  const counts = { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') };
  if (result.status !== 0 && counts.failed === 0) counts.failed = 1; // the runner itself failed
  return counts;
}

// a command that passes or fails as a whole: a type check, the build
function commandSuite(name: string, command: string, args: string[]): Counts {
  heading(name);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  const ok = result.status === 0;
  console.log(ok ? `${name}: ok` : `${name}: FAILED`);
  return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
}

function playwright(name: string): Counts {
  heading(name);
  const report = join(tmp, 'playwright.json');
  const result = spawnSync(npx, ['playwright', 'test', '-c', 'e2e', '--reporter=list,json'], {
    stdio: 'inherit',
    env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
  });
  const stats = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')).stats : null;
  const counts = stats ? { passed: stats.expected, failed: stats.unexpected + stats.flaky, skipped: stats.skipped } : { passed: 0, failed: 0, skipped: 0 };
  if (result.status !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

function skipped(name: string, why: string): Counts {
  heading(name);
  console.log(`${name}: not run (${why})`);
  return { passed: 0, failed: 1, skipped: 0 };
}

const suites: Counts[] = [];
suites.push(commandSuite('format (Prettier)', process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level', 'warn', '.']));
suites.push(commandSuite('lint (ESLint)', process.execPath, ['node_modules/eslint/bin/eslint.js', '.']));
suites.push(commandSuite('typecheck: engine', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'engine']));
suites.push(commandSuite('typecheck: site', npx, ['astro', 'check']));
suites.push(nodeTests('engine', 'engine', ['test/**/*.test.ts']));
suites.push(nodeTests('site units', '.', ['src/**/*.test.ts', 'scripts/**/*.test.ts']));
suites.push(commandSuite('literate coverage (every engine line quoted)', process.execPath, ['src/literate/build/check-literate.ts', '--strict']));
const build = commandSuite('build', npx, ['astro', 'build']);
suites.push(build);
if (build.failed === 0) {
  suites.push(nodeTests('built site', '.', ['e2e/**/*.test.ts']));
  suites.push(playwright('browser'));
} else {
  suites.push(skipped('built site', 'the build failed'), skipped('browser', 'the build failed'));
}
rmSync(tmp, { recursive: true, force: true });
timings[timings.length - 1] += ` ${((performance.now() - suiteStart) / 1000).toFixed(1)} s`;
console.log(`\n${timings.join('\n')}\ntotal: ${((performance.now() - started) / 1000).toFixed(1)} s`);

const total = suites.reduce((t, s) => ({ passed: t.passed + s.passed, failed: t.failed + s.failed, skipped: t.skipped + s.skipped }), { passed: 0, failed: 0, skipped: 0 });
process.exitCode = total.failed > 0 ? 1 : 0;
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
