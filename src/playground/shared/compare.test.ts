import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changes, explainDifference, firstDifference } from './compare.ts';
import { defaults } from './settings.ts';

test('the first differing step is 1-based, bit for bit, over the steps both ran', () => {
  assert.equal(firstDifference([3, 2.5, 2], [3, 2.5, 2.0000000000000004]), 3);
  assert.equal(firstDifference([1, 2], [1, 2, 3]), null);
  assert.equal(firstDifference([NaN, 1], [NaN, 2]), 2, 'a loss that is NaN in both runs is the same');
  assert.equal(firstDifference([1], [2]), 1);
});

test('what changed, said with the form’s names', () => {
  assert.deepEqual(changes(defaults, { ...defaults, learningRate: 0.02 }), [{ key: 'learningRate', text: 'learning rate 0.01 → 0.02' }]);
  assert.deepEqual(changes(defaults, { ...defaults, prompt: 'ma' }), [{ key: 'prompt', text: 'prompt "" → "ma"' }]);
  assert.match(explainDifference(null, 1000, ['temperature']), /same at all 1000 steps both runs trained: the change is to sampling/);
  assert.match(explainDifference(2, 1000, ['learningRate']), /same for 1 step and differ from step 2 on/);
});
