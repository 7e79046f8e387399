// The engine against what microgpt.py printed and computed.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultDatasetText, loadDocs } from '../src/dataset.ts';
import { formatSample, formatStep, inferenceHeader } from '../src/format.ts';
import { prepare } from '../src/microgpt.ts';
import { sample } from '../src/sample.ts';
import { documentLoss, train } from '../src/train.ts';
import { fixtureJson, fixtureText, fixtures, namesTxt, needsShared, runCli, shared } from './helpers.ts';

// copies of ../shared/reference/microgpt-default.*, made by microgpt.py itself
const reference = fixtureJson('reference/microgpt-default.json');
const referenceText = fixtureText('reference/microgpt-default.txt');

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

test('default dataset: 1000 losses within 1e-12, samples and printed lines identical', () => {
  const { config } = reference;
  const { rng, docs, tokenizer, model } = prepare(loadDocs(defaultDatasetText()), config.seed);
  const losses: number[] = [];
  const lines = [`num docs: ${docs.length}`, `vocab size: ${tokenizer.vocabSize}`, `num params: ${model.params.length}`];
  for (const step of train(model, tokenizer, docs, { numSteps: config.num_steps })) {
    losses.push(step.loss);
    lines.push(formatStep(step.step, step.numSteps, step.loss));
  }
  assertClose(losses, reference.losses, 1e-12, 'losses');
  const samples = Array.from({ length: config.samples }, () => sample(model, tokenizer, rng, config.temperature));
  assert.deepEqual(samples, reference.samples);
  lines.push('', inferenceHeader, ...samples.map((s, i) => formatSample(i + 1, s)));
  assert.equal(lines.join('\n') + '\n', referenceText);
  assert.ok(Math.abs(fsum(model.params.map((p) => p.data)) - reference.final_params_fsum) <= 1e-9);
});

test('npm run -s train with no flags prints microgpt-default.txt byte for byte', () => {
  const { status, stdout, stderr } = runCli([]);
  assert.equal(stderr, '');
  assert.equal(status, 0);
  assert.equal(stdout, referenceText);
});

test('--data names.txt prints microgpt-names.txt byte for byte', { skip: needsShared }, () => {
  const { status, stdout } = runCli(['--data', namesTxt]);
  assert.equal(status, 0);
  assert.equal(stdout, readFileSync(join(shared, 'reference', 'microgpt-names.txt'), 'utf8'));
});

// Other seeds, datasets (non-ASCII, astral characters, CRLF and lone CR line ends, a BOM) and
// model sizes: what microgpt.py's algorithm printed, made by fixtures/make_parity_fixtures.sh
const cases = readFileSync(join(fixtures, 'parity', 'cases.txt'), 'utf8').trim().split('\n');
for (const line of cases) {
  const [name, data, args] = line.split('|');
  test(`parity: ${name} (${args})`, () => {
    const dataArgs = data === 'default' ? [] : ['--data', join(fixtures, data)];
    const { status, stdout, stderr } = runCli([...dataArgs, ...args.split(' ')]);
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
