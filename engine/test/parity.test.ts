// The engine against what microgpt.py printed and computed.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultDatasetText, loadDocs } from '../src/dataset.ts';
import { formatSample, formatStep, inferenceHeader } from '../src/format.ts';
import { defaultRunOptions, prepare } from '../src/microgpt.ts';
import { documentLoss } from '../src/train.ts';
import * as fast from '../fast/index.ts';
import { fixtureJson, fixtureText, fixtures, namesTxt, needsShared, recordedCli, runCli, shared } from './helpers.ts';

// copies of ../shared/reference/microgpt-default.*, made by microgpt.py itself
const reference = fixtureJson('reference/microgpt-default.json');
const referenceText = fixtureText('reference/microgpt-default.txt');

// Every CLI run this file checks starts now, in child processes, one per core, the two 1000-step
// runs first; each test awaits its own. The default run is trained once, by the CLI with no flags,
// noting its full-precision numbers on the way (test/record/): two tests below check it.
const defaultRun = recordedCli([]);
const namesRun = needsShared ? null : runCli(['--data', namesTxt]);
const cases = readFileSync(join(fixtures, 'parity', 'cases.txt'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => {
    const [name, data, args] = line.split('|');
    const dataArgs = data === 'default' ? [] : ['--data', join(fixtures, data)];
    return { name, args, run: runCli([...dataArgs, ...args.split(' ')]), fastRun: runCli(['--engine', 'fast', ...dataArgs, ...args.split(' ')]) };
  });

// math.fsum's exactly rounded sum, near enough: Neumaier's compensated summation
function fsum(xs: number[]): number {
  let s = 0;
  let c = 0;
  for (const x of xs) {
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

function assertClose(got: number[], want: number[], tolerance: number, what: string): void {
  assert.equal(got.length, want.length, `${what}: length`);
  const worst = got.reduce((w, g, i) => Math.max(w, Math.abs(g - want[i])), 0);
  assert.ok(worst <= tolerance, `${what}: largest difference ${worst} exceeds ${tolerance}`);
}

test('default dataset: documents, vocabulary and initial weights equal microgpt.py exactly', () => {
  const { docs, tokenizer, model } = prepare(loadDocs(defaultDatasetText()), 42);
  assert.equal(docs.length, reference.num_docs);
  assert.deepEqual(docs.slice(0, 20), reference.docs_head);
  assert.equal(tokenizer.uchars.join(''), reference.uchars);
  assert.deepEqual(
    model.params.slice(0, 64).map((p) => p.data),
    reference.init_first64,
  );
  assert.ok(Math.abs(fsum(model.params.map((p) => p.data)) - reference.init_fsum) <= 1e-12);
});

test('default dataset: step-1 gradients within 1e-12 of microgpt.py', () => {
  const { docs, tokenizer, model } = prepare(loadDocs(defaultDatasetText()), 42);
  documentLoss(model, tokenizer, docs[0]).backward();
  const grads = model.params.map((p) => p.grad);
  assertClose(grads.slice(0, 64), reference.grads_step1_first64, 1e-12, 'first 64 gradients');
  assert.ok(Math.abs(fsum(grads) - reference.grads_step1_fsum) <= 1e-12, 'sum of all gradients');
});

test('default dataset: 1000 losses within 1e-12, samples and printed lines identical', async () => {
  // the run is the CLI's with no flags: its defaults are the reference's settings
  const { config } = reference;
  const { seed, numSteps, temperature, numSamples } = defaultRunOptions;
  assert.deepEqual({ seed, numSteps, temperature, numSamples }, { seed: config.seed, numSteps: config.num_steps, temperature: config.temperature, numSamples: config.samples });
  const { status, stdout, stderr, notes } = await defaultRun;
  assert.equal(stderr, '');
  assert.equal(status, 0);
  assert.ok(notes, 'the run noted its numbers (test/record/)');
  assert.equal(notes.trainCalls, 1);
  assertClose(notes.losses, reference.losses, 1e-12, 'losses');
  assert.deepEqual(notes.samples, reference.samples);
  assert.equal(stdout, referenceText);
  assert.ok(Math.abs(fsum(notes.finalParams) - reference.final_params_fsum) <= 1e-9);
});

// what the book says of exactness (the introduction): every loss within a few units of its last
// bit of Python's, about half of them identical to the bit
test("default dataset: every loss within four units in the last place of microgpt.py's, about half identical", async () => {
  const { notes } = await defaultRun;
  assert.ok(notes);
  const ulps = notes.losses.map((loss, i) => Math.abs(loss - reference.losses[i]) / (Number.EPSILON * Math.abs(reference.losses[i])));
  assert.ok(Math.max(...ulps) <= 4, `the largest difference is ${Math.max(...ulps).toFixed(2)} units in the last place`);
  const identical = notes.losses.filter((loss, i) => Object.is(loss, reference.losses[i])).length;
  assert.ok(identical >= 400 && identical <= 600, `${identical} of ${notes.losses.length} losses identical to the bit`);
});

test('npm run -s train with no flags prints microgpt-default.txt byte for byte', async () => {
  const { status, stdout, stderr } = await defaultRun;
  assert.equal(stderr, '');
  assert.equal(status, 0);
  assert.equal(stdout, referenceText);
});

test('--data names.txt prints microgpt-names.txt byte for byte', { skip: needsShared }, async () => {
  const { status, stdout } = await namesRun!;
  assert.equal(status, 0);
  assert.equal(stdout, readFileSync(join(shared, 'reference', 'microgpt-names.txt'), 'utf8'));
});

// The fast engine (engine/fast), trained in this process, against the teaching engine's default
// run above: the same bytes printed, and every loss, final weight and sample the same. (The lines
// are made here as microgpt.ts's run() makes them, so that one training gives both; cli.test.ts
// checks `--engine fast` itself against microgpt-default.txt.)
test('the fast engine: the default run prints the same bytes, with every loss and final weight bit, as the teaching engine', async () => {
  const { numSteps, temperature, numSamples } = defaultRunOptions;
  const { rng, docs, tokenizer, model } = fast.prepare(loadDocs(defaultDatasetText()), defaultRunOptions.seed);
  const lines = [`num docs: ${docs.length}`, `vocab size: ${tokenizer.vocabSize}`, `num params: ${model.params.length}`];
  const losses: number[] = [];
  for (const { step, loss } of fast.train(model, tokenizer, docs, { numSteps })) {
    losses.push(loss);
    lines.push(formatStep(step, numSteps, loss));
  }
  const samples = Array.from({ length: numSamples }, () => fast.sample(model, tokenizer, rng, temperature));
  lines.push('', inferenceHeader, ...samples.map((name, i) => formatSample(i + 1, name)));
  const { stdout, notes } = await defaultRun;
  assert.ok(notes, 'the run noted its numbers (test/record/)');
  assert.equal(lines.map((line) => line + '\n').join(''), stdout);
  assert.equal(losses.length, notes.losses.length);
  const loss = losses.findIndex((l, i) => !Object.is(l, notes.losses[i]));
  assert.equal(loss, -1, `step ${loss + 1}: loss ${losses[loss]} != ${notes.losses[loss]}`);
  assert.equal(model.params.length, notes.finalParams.length);
  const weight = model.params.findIndex((w, i) => !Object.is(w, notes.finalParams[i]));
  assert.equal(weight, -1, `final weight ${weight}: ${model.params[weight]} != ${notes.finalParams[weight]}`);
  assert.deepEqual(samples, notes.samples);
});

// Other seeds, datasets (non-ASCII, astral characters, CRLF and lone CR line ends, a BOM) and
// model sizes: what microgpt.py's algorithm printed, made by fixtures/make_parity_fixtures.sh
for (const { name, args, run, fastRun } of cases) {
  test(`parity: ${name} (${args})`, async () => {
    const { status, stdout, stderr } = await run;
    assert.equal(stderr, '');
    assert.equal(status, 0);
    assert.equal(stdout, fixtureText(`parity/${name}.txt`));
  });
  test(`parity, fast engine: ${name} (--engine fast ${args})`, async () => {
    const { status, stdout, stderr } = await fastRun;
    assert.equal(stderr, '');
    assert.equal(status, 0);
    assert.equal(stdout, fixtureText(`parity/${name}.txt`));
  });
}

test('the shared reference, where present, is the copy the fixtures hold', { skip: needsShared }, () => {
  const original = join(shared, 'reference', 'microgpt-default.txt');
  assert.ok(existsSync(original));
  assert.equal(readFileSync(original, 'utf8'), referenceText);
});
