// The playground's run is npm run train's: the same losses and samples, measured or not; held-out
// loss as the training chapter measures it; samples and model files that start where the CLI's do.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { loadBook } from '../../book/build/book.ts';
import { prepare, run, sample } from '../../../engine/fast/index.ts';
import { defaultDatasetText, formatSample, formatStep, loadDocs } from '../../../engine/src/index.ts';
import { loadSource } from './dataset-input.ts';
import { decodeModelFile, modelOf } from './model-file.ts';
import { cloneRandom, continuePrompt, drawSamples, samplingRandom } from './sampling.ts';
import { Session } from './session.ts';
import { defaults, parseSettings, type Settings } from './settings.ts';

const names = loadSource({ kind: 'names' });
const reference = readFileSync(resolve(import.meta.dirname, '../../../content/reference/microgpt-default.txt'), 'utf8')
  .trimEnd()
  .split('\n');
const cellOutput = (id: string) =>
  loadBook()
    .flatMap((c) => c.cells)
    .find((c) => c.id === id)!
    .expected!.split('\n');

// a whole run, measured the way the worker measures it; the lines npm run train would print
function trainAll(docs: string[], settings: Settings) {
  const session = new Session(docs, settings);
  const heldOut: [number, number][] = [];
  const measure = () => {
    if (!session.evalDue()) return;
    const m = session.measureHeldOut();
    for (let r = m.next(); ; r = m.next()) if (r.done) return heldOut.push([session.step, r.value]);
  };
  measure();
  if (session.samplesDue()) session.sampleNow();
  while (!session.done) {
    session.advance();
    measure();
    if (session.samplesDue()) session.sampleNow();
  }
  const { info } = session;
  const lines = [`num docs: ${info.numDocs}`, `vocab size: ${info.vocabSize}`, `num params: ${info.numParams}`, ...Array.from(session.losses, (loss, i) => formatStep(i + 1, settings.steps, loss))];
  const samples = session.view({ step: settings.steps, text: '', layer: 0, head: 0 }).samples;
  return { session, heldOut, lines: [...lines, '', '--- inference (new, hallucinated names) ---', ...samples.map((s, i) => formatSample(i + 1, s))] };
}

const defaultRun = trainAll(names, defaults);

test('the default run, measured as it trains, prints what the reference microgpt.py printed', () => {
  assert.deepEqual(defaultRun.lines, reference);
});

test('its held-out loss is the training chapter’s, before and after the 1000 steps', () => {
  const report = cellOutput('held-out-loss');
  const heldOutAfter = (steps: number) => report.find((l) => l.startsWith(`after ${String(steps).padStart(4)} steps`))!.split('held out ')[1];
  assert.equal(defaultRun.heldOut.length, 11);
  assert.equal(defaultRun.heldOut[0][1].toFixed(4), heldOutAfter(0));
  assert.equal(defaultRun.heldOut.at(-1)![1].toFixed(4), heldOutAfter(1000));
  assert.equal(defaultRun.session.info.heldOut, 842);
  assert.equal(defaultRun.session.info.heldOutReadFrom, null, '1000 steps never reach the held-out names');
});

test('another shape, seed, data and sampling: the CLI’s lines (engine/fast run()) to the digit', () => {
  const docs = loadDocs('anna\nbob\ncyd\ndora\nemil\nfay\ngus\nhal\nivy\njo\nkai\nlea\n');
  const { settings } = parseSettings({
    steps: '60',
    nLayer: '2',
    nEmbd: '8',
    nHead: '2',
    blockSize: '6',
    seed: '-3',
    temperature: '0.9',
    samples: '7',
    evalEvery: '7',
    sampleEvery: '13',
    snapshotEvery: '4',
  });
  const { lines, session } = trainAll(docs, settings!);
  const cli = [...run(docs, { seed: -3, numSteps: 60, temperature: 0.9, numSamples: 7, config: { nLayer: 2, nEmbd: 8, nHead: 2, blockSize: 6, initStd: 0.08 } })];
  assert.deepEqual(lines, cli);
  // training reads docs[(step - 1) % n]: the step named is the first to read a held-out document
  const { heldOutReadFrom, heldOut, firstHeldOut } = session.info;
  const read = (step: number) => session.docs[(step - 1) % session.docs.length];
  assert.equal(heldOut, 1);
  assert.equal(read(heldOutReadFrom!), firstHeldOut);
  const held = new Set(session.docs.slice(-heldOut));
  for (let step = 1; step < heldOutReadFrom!; step++) assert.ok(!held.has(read(step)));
});

test('scrubbing to step 0 shows the untrained model’s samples: npm run train --steps 0', () => {
  const at0 = defaultRun.session.view({ step: 0, text: 'emma', layer: 0, head: 0 });
  const cli = [...run(names, { numSteps: 0 })].filter((l) => l.startsWith('sample')).map((l) => l.replace(/^sample +\d+: /, ''));
  assert.equal(at0.step, 0);
  assert.ok(at0.exactSamples);
  assert.deepEqual(at0.samples, cli);
  const at505 = defaultRun.session.view({ step: 505, text: 'emma', layer: 0, head: 0 });
  assert.equal(at505.step, 500);
  assert.ok(at505.exactSamples, 'step 500 was sampled live');
  const at510 = defaultRun.session.view({ step: 510, text: 'emma', layer: 0, head: 0 });
  assert.equal(at510.exactSamples, false, 'step 510 is drawn from its 32-bit snapshot');
  assert.equal(at510.samples.length, 20);
});

test('attention rows are the engine’s softmax over the positions read so far, and the embedding has a point per token', () => {
  const view = defaultRun.session.view({ step: 1000, text: 'emma', layer: 0, head: 3 });
  const attention = view.attention as { labels: string[]; weights: number[][] };
  assert.deepEqual(attention.labels, ['BOS', 'e', 'm', 'm', 'a']);
  attention.weights.forEach((row, t) => {
    assert.equal(row.length, t + 1);
    assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  });
  assert.equal(view.embedding.points.length, 2 * 28);
  assert.equal(view.embedding.labels.at(-1), 'BOS');
  const unknown = defaultRun.session.view({ step: 1000, text: 'Émile', layer: 0, head: 0 }).attention as { error: string };
  assert.match(unknown.error, /unknown character "É"/);
});

test('a prompt: none draws what sample() draws; "ma" continues as the inference chapter’s cell does', () => {
  const { model, tokenizer } = defaultRun.session;
  const start = prepare(names, 42).rng;
  const a = cloneRandom(start);
  const b = cloneRandom(start);
  for (let i = 0; i < 5; i++) assert.equal(continuePrompt(model, tokenizer, a, 0.5), sample(model, tokenizer, b, 0.5));
  const book = cellOutput('prompt-continuation')
    .find((l) => l.startsWith('ma '))!
    .split('→ ')[1];
  assert.equal(drawSamples(model, tokenizer, start, 0.5, 6, 'ma').join(', '), book);
});

test('a model file loads back to the same weights and samples where the run sampled', () => {
  const file = decodeModelFile(defaultRun.session.exportFile());
  const { model, tokenizer } = modelOf(file);
  assert.deepEqual(model.params, defaultRun.session.model.params);
  const rng = samplingRandom(file.seed, file.numDocs, model.params.length);
  const samples = drawSamples(model, tokenizer, rng, 0.5, 20);
  assert.deepEqual(
    samples,
    reference.slice(-20).map((l) => l.replace(/^sample +\d+: /, '')),
  );
});

test('the generator after prepare() is rebuilt from the seed and the counts alone', () => {
  const { rng, docs, model } = prepare(loadDocs(defaultDatasetText()).slice(0, 500), 1234567890123456789012n);
  const rebuilt = samplingRandom(1234567890123456789012n, docs.length, model.params.length);
  for (let i = 0; i < 5; i++) assert.equal(rebuilt.random(), rng.random());
});
