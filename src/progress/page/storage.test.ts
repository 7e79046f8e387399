import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  beforeSolutionSlot,
  clearEdit,
  exerciseSlot,
  loadActivity,
  loadEdit,
  progressKey,
  readItem,
  recordActivity,
  saveEdit,
  setAside,
  studentEmailKey,
  studentNameKey,
  writeItem,
} from './storage.ts';

// a localStorage for Node: a Map, or one that throws as a browser's does with storage turned off
function useStorage(disabled = false): Map<string, string> {
  const items = new Map<string, string>();
  const fail = () => {
    throw new DOMException('storage is disabled', 'SecurityError');
  };
  const storage = {
    getItem: (k: string) => (disabled ? fail() : (items.get(k) ?? null)),
    setItem: (k: string, v: string) => (disabled ? fail() : void items.set(k, v)),
    removeItem: (k: string) => (disabled ? fail() : void items.delete(k)),
  };
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
  return items;
}

test("the keys are the ones readers' browsers already hold", () => {
  const items = useStorage();
  const edit = { code: 'x', bookHash: 'h', savedAt: '2026-01-01T00:00:00Z' };
  saveEdit('autograd', 'chain-rule', edit);
  saveEdit('dataset', exerciseSlot('parse'), edit);
  saveEdit('dataset', beforeSolutionSlot('parse'), edit);
  assert.deepEqual([...items.keys()], ['microgpt:cell:autograd:chain-rule', 'microgpt:cell:dataset:exercise/parse', 'microgpt:cell:dataset:exercise/parse/before-solution']);
  assert.equal(progressKey, 'microgpt:progress');
  assert.equal(studentNameKey, 'microgpt:student-name');
  assert.equal(studentEmailKey, 'microgpt:student-email');
  assert.deepEqual(loadEdit('autograd', 'chain-rule'), { kind: 'saved', edit });
  clearEdit('autograd', 'chain-rule');
  assert.deepEqual(loadEdit('autograd', 'chain-rule'), { kind: 'none' });
});

test('an edit that cannot be read is set aside under :unreadable, not dropped', () => {
  const items = useStorage();
  items.set('microgpt:cell:autograd:chain-rule', '{not json');
  assert.deepEqual(loadEdit('autograd', 'chain-rule'), { kind: 'corrupt', raw: '{not json', keptAs: 'microgpt:cell:autograd:chain-rule:unreadable' });
  assert.deepEqual([...items], [['microgpt:cell:autograd:chain-rule:unreadable', '{not json']]);
  assert.equal(setAside(progressKey, 'x'), 'microgpt:progress:unreadable');
});

test('with storage turned off nothing is read, writing says so, and nothing throws', () => {
  useStorage(true);
  assert.equal(readItem(progressKey), null);
  assert.equal(writeItem(studentNameKey, 'Ada'), false);
  assert.equal(saveEdit('autograd', 'chain-rule', { code: 'x', bookHash: 'h', savedAt: 't' }), false);
  assert.deepEqual(loadEdit('autograd', 'chain-rule'), { kind: 'none' });
  clearEdit('autograd', 'chain-rule');
});

test("an exercise's activity (Checks, hints, solution shown, version) is kept under a key of its own", () => {
  const items = useStorage();
  assert.deepEqual(loadActivity('gpt', 'softmax-max'), { attempts: 0, hintsOpened: 0, solutionShownAt: null, version: '' });
  recordActivity('gpt', 'softmax-max', (a) => a.attempts++);
  recordActivity('gpt', 'softmax-max', (a) => {
    a.attempts++;
    a.hintsOpened = 2;
    a.solutionShownAt ??= '2026-11-30T10:00:00.000Z';
    a.version = 'v7';
  });
  assert.deepEqual([...items.keys()], ['microgpt:exercise-activity:gpt:softmax-max']);
  assert.deepEqual(loadActivity('gpt', 'softmax-max'), { attempts: 2, hintsOpened: 2, solutionShownAt: '2026-11-30T10:00:00.000Z', version: 'v7' });
  items.set('microgpt:exercise-activity:gpt:softmax-max', '{"attempts":"many"}');
  assert.deepEqual(loadActivity('gpt', 'softmax-max'), { attempts: 0, hintsOpened: 0, solutionShownAt: null, version: '' });
  assert.equal(items.get('microgpt:exercise-activity:gpt:softmax-max:unreadable'), '{"attempts":"many"}');
  // a damaged record keeps what still reads: a solution shown stays shown
  items.set('microgpt:exercise-activity:gpt:softmax-max', '{"attempts":-3,"hintsOpened":2,"solutionShownAt":"2026-11-30T10:00:00.000Z","version":7}');
  assert.deepEqual(loadActivity('gpt', 'softmax-max'), { attempts: 0, hintsOpened: 2, solutionShownAt: '2026-11-30T10:00:00.000Z', version: '' });
  assert.equal(items.get('microgpt:exercise-activity:gpt:softmax-max:unreadable'), '{"attempts":-3,"hintsOpened":2,"solutionShownAt":"2026-11-30T10:00:00.000Z","version":7}');
  items.set('microgpt:exercise-activity:gpt:softmax-max', '[1,');
  assert.deepEqual(loadActivity('gpt', 'softmax-max'), { attempts: 0, hintsOpened: 0, solutionShownAt: null, version: '' });
  useStorage(true);
  assert.equal(recordActivity('gpt', 'softmax-max', (a) => a.attempts++).attempts, 1);
});
