import assert from 'node:assert/strict';
import { test } from 'node:test';
import { movingAverage } from './moving-average.ts';

test('movingAverage averages the last window values, fewer at the start', () => {
  assert.deepEqual(movingAverage([1, 2, 3, 4, 5], 1), [1, 2, 3, 4, 5]);
  assert.deepEqual(movingAverage([1, 2, 3, 4, 5], 2), [1, 1.5, 2.5, 3.5, 4.5]);
  assert.deepEqual(movingAverage([3, 3, 6], 10), [3, 3, 4]);
});

test('race: Adam walks to the minimum at any loss scale; plain descent crawls or runs off', async () => {
  const { race } = await import('./optimizers.ts');
  for (const scale of [0.01, 1, 100]) {
    const { adam } = race(scale, 0.1);
    assert.ok(Math.abs(adam.at(-1)! - 3) < 0.5, `Adam at scale ${scale}: ${adam.at(-1)}`);
  }
  assert.ok(Math.abs(race(0.01, 0.1).descent.at(-1)! - 3) > 2, 'descent crawls on a flat loss');
  assert.ok(Math.abs(race(100, 0.1).descent.at(-1)!) > 1e6, 'descent runs off on a steep loss');
  assert.deepEqual(race(1, 0.1, 3).adam.length, 4);
});

test("the autograd figure's replayed backward ends with the engine's own gradients", async () => {
  const { backwardSteps, expression } = await import('./graph.ts');
  for (const x of [0.5, -1.3, 1]) {
    const { root, nodes } = expression(x);
    assert.deepEqual(
      nodes.map((n) => n.label),
      ['x', 'x · x', '3', 'x · 3', 'x·x + 3x', 'y = exp(…)'],
    );
    const { grads, active } = backwardSteps(nodes.map((n) => n.value));
    root.backward();
    assert.deepEqual(
      grads.at(-1),
      nodes.map((n) => n.value.grad),
    );
    assert.deepEqual(grads[0], [0, 0, 0, 0, 0, 0]);
    assert.deepEqual(active, [-1, 5, 5, 4, 3, 1]); // seed y, then y, the sum, x · 3, x · x
    assert.equal(nodes.at(-1)!.depth, 3);
  }
});

test("the attention figure's weights are gpt()'s: finishing layer 0 with them reproduces gpt()'s logits", async () => {
  const { attentionParams, attentionWeights } = await import('./attention.ts');
  const { Value, defaultDatasetText, emptyCache, gpt, linear, loadDocs, prepare, rmsnorm, sum, train } = await import('../../../engine/src/index.ts');
  const { model, tokenizer, docs } = prepare(loadDocs(defaultDatasetText()), 42);
  for (const _ of train(model, tokenizer, docs, { numSteps: 5 }));
  const sd = model.stateDict;
  const { nHead, nEmbd } = model.config;
  const headDim = nEmbd / nHead;
  const tokens = [tokenizer.BOS, ...tokenizer.encode('emma')];
  const t = tokens.length - 1;
  const heads = Array.from({ length: nHead }, (_, h) => attentionWeights(attentionParams(model), tokens, h));
  for (const row of heads.flat()) assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  assert.deepEqual(heads[0][1].slice(2), [0, 0, 0]); // position 1 sees positions 0 and 1 only

  const xs = tokens.map((tok, pos) => rmsnorm(sd['wte'][tok].map((e, i) => e.add(sd['wpe'][pos][i]))));
  const vs = xs.map((x) => linear(rmsnorm(x), sd['layer0.attn_wv']));
  const xAttn = heads.flatMap((w, h) => Array.from({ length: headDim }, (_, j) => sum(w[t].slice(0, t + 1).map((wt, s) => new Value(wt).mul(vs[s][h * headDim + j])))));
  const xr = linear(xAttn, sd['layer0.attn_wo']).map((a, i) => a.add(xs[t][i]));
  const mlp = linear(
    linear(rmsnorm(xr), sd['layer0.mlp_fc1']).map((v) => v.relu()),
    sd['layer0.mlp_fc2'],
  );
  const logits = linear(
    mlp.map((a, i) => a.add(xr[i])),
    sd['lm_head'],
  );

  const [keys, values] = [emptyCache(model), emptyCache(model)];
  const fromGpt = tokens.map((tok, pos) => gpt(model, tok, pos, keys, values)).at(-1)!;
  assert.deepEqual(
    logits.map((v) => v.data),
    fromGpt.map((v) => v.data),
  );
});

test('the dataset figure reads bytes as the command line does, and says what is wrong with bad ones', async () => {
  const { MAX_BYTES, readDataset } = await import('./dataset-view.ts');
  const bytes = (s: string) => new TextEncoder().encode(s);
  assert.deepEqual(readDataset(bytes('\uFEFFemma\r\n  olivia \n\n'), 'a.txt'), ['\uFEFFemma', 'olivia']);
  assert.throws(() => readDataset(bytes(' \n\t\n'), 'empty.txt'), { name: 'DatasetError', message: /^empty\.txt has no documents/ });
  assert.throws(() => readDataset(new Uint8Array([0x89, 0x50, 0, 1]), 'photo.png'), { name: 'DatasetError', message: /^photo\.png looks binary/ });
  assert.throws(() => readDataset(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'latin1.txt'), { name: 'DatasetError', message: /^latin1\.txt is not UTF-8/ });
  assert.throws(() => readDataset(new Uint8Array(MAX_BYTES + 1).fill(0x61), 'big.txt'), { name: 'DatasetError', message: /^big\.txt is 10\.0 MB; the page reads files up to 10 MB/ });
});

test('the dataset figure counts documents, characters and lengths, and escapes what the file holds', async () => {
  const { datasetStats, renderStats } = await import('./dataset-view.ts');
  const { Random } = await import('../../../engine/src/random.ts');
  const docs = ['ab', 'b', 'abcdefghijklmnopq', '<img src=x onerror=alert(1)>'];
  const stats = datasetStats(docs, 'mine <b>.txt');
  assert.equal(stats.numDocs, 4);
  assert.equal(stats.longest, 28);
  assert.equal(stats.cut, 2); // 17 and 28 characters need more than 16 predictions
  assert.deepEqual(stats.chars.slice(0, 3), [
    { ch: 'r', count: 5 },
    { ch: 'a', count: 3 },
    { ch: 'b', count: 3 },
  ]); // ties by character
  assert.deepEqual(
    stats.lengths.map((l) => l.length),
    ['1', '2', '17', 'over 20'],
  );
  const shuffled = docs.slice();
  new Random(42).shuffle(shuffled);
  assert.deepEqual(stats.shuffledHead, shuffled);
  const html = renderStats(stats);
  assert.ok(!html.includes('<img') && !html.includes('<b>'), html);
  assert.match(html, /&#60;img src=x onerror=alert\(1\)&#62;/);
  assert.match(html, /<dd data-stat="vocab">\d+<\/dd>/);
});
