import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixtureText, runCli } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'microgpt-cli-'));
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

// every bad input: one line on stderr naming the problem, exit code 2, nothing on stdout
const badInputs: [string, string[], RegExp][] = [
  ['a missing file', ['--data', join(dir, 'nope.txt')], /cannot read --data .*nope\.txt: no such file/],
  ['a directory', ['--data', dir], /cannot read --data .*: it is a directory/],
  ['an empty file', ['--data', file('empty.txt', '')], /empty\.txt has no documents/],
  ['a file of blank lines', ['--data', file('blank.txt', ' \n\t\r\n\n')], /blank\.txt has no documents/],
  ['a binary file', ['--data', file('image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))], /image\.png looks binary/],
  ['a file that is not UTF-8', ['--data', file('latin1.txt', new Uint8Array([0x6a, 0x6f, 0x73, 0xe9, 0x0a]))], /latin1\.txt is not UTF-8 text/],
  ['a non-number', ['--steps', 'ten'], /--steps expects an integer, got "ten"/],
  ['a fraction for an integer', ['--n-embd', '16.5'], /--n-embd expects an integer/],
  ['a negative step count', ['--steps', '-1'], /--steps must be between 0 and 10000000, got -1/],
  ['a zero head count', ['--n-head', '0'], /--n-head must be between 1 and 1024/],
  ['a zero block size', ['--block-size', '0'], /--block-size must be between 1 and 4096/],
  ['too many layers', ['--n-layer', '65'], /--n-layer must be between 0 and 64/],
  ['a zero temperature', ['--temperature', '0'], /--temperature must be above 0/],
  ['a non-number temperature', ['--temperature', 'hot'], /--temperature expects a number/],
  ['a non-integer seed', ['--seed', '4.2'], /--seed expects an integer/],
  ['an unknown flag', ['--epochs', '3'], /unknown option "--epochs"/],
  ['a flag without its value', ['--seed'], /--seed needs a value/],
  ['nEmbd not divisible by nHead', ['--n-embd', '10', '--n-head', '4'], /--n-embd \(10\) must be divisible by --n-head \(4\)/],
  ['an unknown engine', ['--engine', 'turbo'], /--engine must be teaching or fast, got "turbo"/],
  ['a bad input with the fast engine', ['--engine', 'fast', '--steps', 'ten'], /--steps expects an integer, got "ten"/],
];

// every run starts now, in child processes, one per core; each test awaits its own
const badRuns = badInputs.map(([what, args, message]) => ({ what, message, run: runCli(args) }));
const asRoot = process.getuid?.() === 0;
const unreadable = asRoot ? null : file('secret.txt', 'ana\n');
if (unreadable) chmodSync(unreadable, 0o000);
const unreadableRun = unreadable ? runCli(['--data', unreadable]) : null;
const helpRun = runCli(['--help']);
const oneNameRun = runCli([`--data=${file('one.txt', 'ana\n')}`, '--steps=3', '--samples=2']);
const fastDefaultRun = runCli(['--engine', 'fast']);
// the smallest temperature makes the scaled logits infinite and sampling's total of weights NaN:
// an error after the training lines, the same with either engine
const failingArgs = ['--temperature', '5e-324', '--steps', '3', '--samples', '2'];
const failingRuns = [runCli(failingArgs), runCli(['--engine=fast', ...failingArgs])];

for (const { what, message, run } of badRuns) {
  test(`bad input: ${what}`, async () => {
    const { status, stdout, stderr } = await run;
    assert.equal(status, 2, stderr);
    assert.equal(stdout, '');
    assert.match(stderr, message);
    assert.match(stderr, /^microgpt: [^\n]+\n$/, 'exactly one line');
    assert.doesNotMatch(stderr, /\bat .*\.ts:\d+/, 'no stack trace');
  });
}

test('bad input: an unreadable file', { skip: asRoot ? 'root reads any file' : false }, async () => {
  const { status, stderr } = await unreadableRun!;
  assert.equal(status, 2);
  assert.match(stderr, /cannot read --data .*secret\.txt: permission denied/);
});

test('--help documents every option and exits 0', async () => {
  const { status, stdout } = await helpRun;
  assert.equal(status, 0);
  for (const flag of ['--data', '--seed', '--steps', '--n-embd', '--n-head', '--n-layer', '--block-size', '--temperature', '--samples']) {
    assert.ok(stdout.includes(flag), flag);
  }
});

test('options also take the --flag=value form, and a file of one name trains', async () => {
  const { status, stdout, stderr } = await oneNameRun;
  assert.equal(stderr, '');
  assert.equal(status, 0);
  const lines = stdout.split('\n');
  const numParams = 2 * 3 * 16 + 16 * 16 + 12 * 16 * 16; // wte, lm_head; wpe; attention and MLP
  assert.deepEqual(lines.slice(0, 3), ['num docs: 1', 'vocab size: 3', `num params: ${numParams}`]);
  assert.match(lines[3], /^step {4}1 \/ {4}3 \| loss \d\.\d{4}$/);
  assert.equal(lines[7], '--- inference (new, hallucinated names) ---');
  assert.match(lines[8], /^sample {2}1: [an]*$/);
});

test('--engine fast prints microgpt-default.txt byte for byte', async () => {
  const { status, stdout, stderr } = await fastDefaultRun;
  assert.equal(stderr, '');
  assert.equal(status, 0);
  assert.equal(stdout, fixtureText('reference/microgpt-default.txt'));
});

test('an error during the run leaves the lines before it printed, with either engine', async () => {
  const [teaching, fast] = await Promise.all(failingRuns);
  assert.equal(teaching.status, 1);
  assert.equal(teaching.stderr, 'microgpt: Total of weights must be finite\n');
  const lines = teaching.stdout.split('\n');
  assert.deepEqual(lines.slice(0, 3), ['num docs: 8422', 'vocab size: 28', 'num params: 4224']);
  assert.deepEqual(lines.slice(6), ['', '--- inference (new, hallucinated names) ---', '']);
  assert.deepEqual(fast, teaching);
});
