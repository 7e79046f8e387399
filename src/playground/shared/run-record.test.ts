// The page's record of a run, built from the Worker's messages in whatever slices they come, prints
// npm run train's lines and smooths as the cells' charts smooth.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { run } from '../../../engine/fast/index.ts';
import { loadDocs } from '../../../engine/src/dataset.ts';
import { movingAverage } from '../../figures/shared/moving-average.ts';
import { WINDOW } from './losses.ts';
import { RunRecord } from './run-record.ts';
import { Session } from './session.ts';
import { parseSettings } from './settings.ts';

const docs = loadDocs('anna\nbob\ncyd\ndora\nemil\nfay\ngus\nhal\n');
const { settings } = parseSettings({ steps: '130', nEmbd: '8', nHead: '2', samples: '4', seed: '3' });

test('slices of any size add up to the CLI’s output, and the mean is the last-50 moving average', () => {
  const session = new Session(docs, settings!);
  const record = new RunRecord(settings!);
  record.info = session.info;
  const slices = [1, 7, 50, 2, 70];
  for (const size of slices) {
    const from = session.step;
    for (let i = 0; i < size; i++) session.advance();
    record.add({ type: 'progress', runId: 1, from, losses: session.losses.slice(from, session.step), trainMs: session.step, heldOut: [], samples: [], view: null });
  }
  record.finalSamples = session.view({ step: 130, text: '', layer: 0, head: 0 }).samples;
  const cli = [...run(docs, { seed: 3, numSteps: 130, numSamples: 4, config: { nLayer: 1, nEmbd: 8, nHead: 2, blockSize: 16, initStd: 0.08 } })];
  assert.deepEqual(record.output(), cli);
  assert.deepEqual(Array.from(record.means), movingAverage(Array.from(record.losses), WINDOW));
  assert.equal(record.stepsPerSecond(), 1000, '130 steps in 130 ms');
  assert.throws(() => record.add({ type: 'progress', runId: 1, from: 5, losses: new Float64Array(1), trainMs: 0, heldOut: [], samples: [], view: null }), /progress from step 5 after step 130/);
});

test('the latest samples drawn during training, and a long run’s output kept to every hundredth step', () => {
  const long = new RunRecord({ ...settings!, steps: 20_000 });
  long.info = { numDocs: 8, vocabSize: 9, uchars: [], numParams: 1, heldOut: 1, heldOutReadFrom: 8, firstHeldOut: 'x', snapshotEvery: 10 };
  long.add({
    type: 'progress',
    runId: 1,
    from: 0,
    losses: new Float64Array(250).fill(2),
    trainMs: 1,
    heldOut: [[0, 3]],
    samples: [
      { step: 0, samples: ['a'] },
      { step: 200, samples: ['b'] },
    ],
    view: null,
  });
  assert.deepEqual(long.latestSamples(), { step: 200, samples: ['b'] });
  assert.deepEqual(long.output().slice(3), ['step  100 / 20000 | loss 2.0000', 'step  200 / 20000 | loss 2.0000', 'step  250 / 20000 | loss 2.0000']);
});
