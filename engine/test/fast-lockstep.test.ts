// The fast engine (engine/fast) against the teaching engine, in lockstep: after every step of
// training, every gradient and every weight must be the same double, bit for bit. The fast
// engine's backward pass sums each gradient in the order the Value graph's backward() does; an
// edit of either engine that changes an order shows up here as a differing bit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Adam } from '../src/adam.ts';
import { defaultDatasetText, loadDocs } from '../src/dataset.ts';
import { exp as teachingExp, log as teachingLog } from '../src/libm.ts';
import { prepare } from '../src/microgpt.ts';
import type { ModelConfig } from '../src/model.ts';
import { Random } from '../src/random.ts';
import { documentLoss } from '../src/train.ts';
import * as fast from '../fast/index.ts';
import { fixtureText } from './helpers.ts';

const names = loadDocs(defaultDatasetText());
const unicode = loadDocs(fixtureText('unicode-names.txt'));
// documents longer than any name, so that a block of 32 fills: five names to a line
const long = names.slice(0, 400).map((name, i) => [0, 1, 2, 3, 4].map((k) => names[(i * (7 + k) + k) % names.length]).join(' '));

// the first index at which two arrays of doubles differ in any bit (Object.is tells 0 from -0), or -1
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

interface Shape {
  name: string;
  docs: string[];
  config: ModelConfig;
  steps: number;
  seed?: number;
  fills?: boolean; // some document fills the block: positions up to blockSize - 1 are trained
}

const shapes: Shape[] = [
  { name: 'no layers, block 4 (names cut short)', docs: names, config: { nLayer: 0, nEmbd: 8, blockSize: 4, nHead: 2, initStd: 0.08 }, steps: 8 },
  { name: 'the default shape', docs: names, config: { nLayer: 1, nEmbd: 16, blockSize: 16, nHead: 4, initStd: 0.08 }, steps: 6 },
  { name: 'head size 1, unicode', docs: unicode, config: { nLayer: 1, nEmbd: 16, blockSize: 8, nHead: 16, initStd: 0.08 }, steps: 8, seed: 7 },
  { name: 'two layers, head size 16', docs: names, config: { nLayer: 2, nEmbd: 16, blockSize: 16, nHead: 1, initStd: 0.08 }, steps: 5, seed: -3 },
  { name: 'three layers, head size 16, block 32', docs: long, config: { nLayer: 3, nEmbd: 16, blockSize: 32, nHead: 1, initStd: 0.08 }, steps: 2, seed: 5, fills: true },
  { name: 'two layers, unicode, block 32', docs: unicode, config: { nLayer: 2, nEmbd: 12, blockSize: 32, nHead: 3, initStd: 0.3 }, steps: 6, seed: 99 },
];

for (const { name, docs, config, steps, seed = 42, fills = false } of shapes) {
  test(`lockstep: ${name}: every gradient and weight bit equal after every step`, () => {
    const slow = prepare(docs, seed, config);
    const quick = fast.prepare(docs, seed, config);
    assert.deepEqual(quick.docs, slow.docs);
    const params = slow.model.params;
    assert.equal(
      firstDifference(
        quick.model.params,
        params.map((p) => p.data),
      ),
      -1,
      'initial weights',
    );
    const slowAdam = new Adam(params);
    const quickAdam = new fast.Adam(params.length);
    const acts = new fast.Activations(quick.model);
    const tokens = new Int32Array(config.blockSize + 1);
    const ids = new Map(quick.tokenizer.uchars.map((ch, i) => [ch, i]));
    let longest = 0;
    for (let step = 0; step < steps; step++) {
      const doc = slow.docs[step % slow.docs.length];
      const loss = documentLoss(slow.model, slow.tokenizer, doc);
      loss.backward();
      const n = fast.encodeDocument(tokens, ids, quick.tokenizer, doc, config.blockSize);
      longest = Math.max(longest, n);
      const quickLoss = fast.documentLoss(quick.model, acts, tokens, n);
      fast.backward(quick.model, acts, tokens, n);
      assert.ok(Object.is(quickLoss, loss.data), `step ${step + 1}: loss ${quickLoss} != ${loss.data}`);
      const g = firstDifference(
        quick.model.grads,
        params.map((p) => p.grad),
      );
      assert.equal(g, -1, `step ${step + 1}: gradient ${g} differs: ${quick.model.grads[g]} != ${params[g]?.grad}`);
      const lrT = 0.01 * (1 - step / steps);
      slowAdam.step(step, lrT);
      quickAdam.step(quick.model.params, quick.model.grads, step, lrT);
      const w = firstDifference(
        quick.model.params,
        params.map((p) => p.data),
      );
      assert.equal(w, -1, `step ${step + 1}: weight ${w} differs`);
      assert.equal(
        firstDifference(
          quick.model.grads,
          params.map((p) => p.grad),
        ),
        -1,
        `step ${step + 1}: gradients zeroed`,
      );
    }
    if (fills) assert.equal(longest, config.blockSize, 'a document fills the block');
  });
}

test("the fast engine's exp is the teaching libm's exp, bit for bit", () => {
  const rng = new Random(2024);
  const xs = [0, -0, 1, -1, 0.5, -745.1332191019412, -745.13321910194, 709.78, -709.78, 1e-300, -1e-300, 2 ** -1074, Number.NaN, -Infinity];
  for (let i = 0; i < 20000; i++) xs.push(-rng.random() * 40); // softmax's arguments are x - max <= 0
  for (let i = 0; i < 20000; i++) xs.push((rng.random() - 0.5) * 1400);
  for (let i = 0; i < 5000; i++) xs.push((rng.random() - 0.5) * 2 ** -(rng.random() * 60)); // near 0
  const wrong = xs.filter((x) => !Object.is(fast.exp(x), teachingExp(x)));
  assert.deepEqual(wrong.slice(0, 5), [], `${wrong.length} of ${xs.length} inputs differ`);
  assert.throws(() => fast.exp(710), /math range error/);
});

test("the fast engine's log is the teaching libm's log, bit for bit", () => {
  const rng = new Random(2025);
  const xs = [1, 2, 0.5, Math.SQRT2, Math.SQRT2 * (1 + 2 ** -52), 2 ** -1074, 2 ** -1022, 1e-300, Number.MAX_VALUE, Infinity, Number.NaN];
  for (let i = 0; i < 10000; i++) xs.push(rng.random()); // probabilities
  for (let i = 0; i < 5000; i++) xs.push(2 ** ((rng.random() - 0.5) * 2000));
  const wrong = xs.filter((x) => !Object.is(fast.log(x), teachingLog(x)));
  assert.deepEqual(wrong.slice(0, 5), [], `${wrong.length} of ${xs.length} inputs differ`);
  assert.throws(() => fast.log(0), /math domain error/);
  assert.throws(() => fast.log(-1), /math domain error/);
});
