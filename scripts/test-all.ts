// npm test: every suite, then one closing line "N passed, N failed" totalling them all.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

const tmp = mkdtempSync(join(tmpdir(), 'microgpt-tests-'));

// node's test runner: spec output on the terminal, TAP into a file for the counts
function nodeTests(name: string, cwd: string, pattern: string): Counts {
  const tap = join(tmp, `${name}.tap`);
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(
    process.execPath,
    ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, pattern],
    { cwd, stdio: 'inherit' },
  );
  const text = readFileSync(tap, 'utf8');
  const count = (key: string) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  const counts = { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') };
  if (result.status !== 0 && counts.failed === 0) counts.failed = 1; // the runner itself failed
  return counts;
}

// a command that passes or fails as a whole, such as the type check
function commandSuite(name: string, command: string, args: string[]): Counts {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  const ok = result.status === 0;
  console.log(ok ? `${name}: ok` : `${name}: FAILED`);
  return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
}

const suites = [
  commandSuite('typecheck', process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.']),
  nodeTests('engine', 'engine', 'test/**/*.test.ts'),
];
rmSync(tmp, { recursive: true, force: true });

const total = suites.reduce((t, s) => ({ passed: t.passed + s.passed, failed: t.failed + s.failed, skipped: t.skipped + s.skipped }), { passed: 0, failed: 0, skipped: 0 });
process.exitCode = total.failed > 0 ? 1 : 0;
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
