// Checkpoints in the reader's progress: added to version 1 after it went out, so saved progress
// and exported files without them still load, and merging keeps the first right answer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markCheckpointAnswered, mergeProgress, parseProgress, ProgressError, type Progress } from './store.ts';

const old = { format: 'annotated-microgpt-progress', version: 1, chapters: { tokenizer: { readAt: '2026-01-02T10:00:00.000Z' } }, exercises: {} };

test('progress saved before checkpoints existed still loads, with none answered', () => {
  const progress = parseProgress(JSON.stringify(old));
  assert.deepEqual(progress.checkpoints, {});
  assert.deepEqual(progress.chapters, old.chapters);
});

test('answered checkpoints are read back; malformed ones are refused with what is wrong', () => {
  const withCheckpoints = { ...old, checkpoints: { 'tokenizer/bos-line': { answeredAt: '2026-01-02T10:05:00.000Z', tries: 2 } } };
  assert.deepEqual(parseProgress(JSON.stringify(withCheckpoints)).checkpoints, withCheckpoints.checkpoints);
  const refused = (checkpoints: unknown, message: RegExp) =>
    assert.throws(
      () => parseProgress(JSON.stringify({ ...old, checkpoints })),
      (e: Error) => e instanceof ProgressError && message.test(e.message),
    );
  refused([], /"checkpoints" is not a record/);
  refused({ 'tokenizer/x': { answeredAt: 'yesterday', tries: 1 } }, /checkpoints\.tokenizer\/x: needs "answeredAt" \(a date\) and "tries"/);
  refused({ 'tokenizer/x': { answeredAt: '2026-01-02T10:05:00.000Z', tries: 0 } }, /checkpoints\.tokenizer\/x/);
  refused({ 'tokenizer/x': { answeredAt: '2026-01-02T10:05:00.000Z' } }, /checkpoints\.tokenizer\/x/);
});

test('merging keeps every checkpoint, the earlier right answer where both have one, and takes old progress as none', () => {
  const a = parseProgress(
    JSON.stringify({ ...old, checkpoints: { 'tokenizer/a': { answeredAt: '2026-01-03T00:00:00.000Z', tries: 3 }, 'autograd/b': { answeredAt: '2026-01-01T00:00:00.000Z', tries: 1 } } }),
  );
  const b = parseProgress(JSON.stringify({ ...old, checkpoints: { 'tokenizer/a': { answeredAt: '2026-01-02T00:00:00.000Z', tries: 1 } } }));
  assert.deepEqual(mergeProgress(a, b).checkpoints, { 'tokenizer/a': { answeredAt: '2026-01-02T00:00:00.000Z', tries: 1 }, 'autograd/b': { answeredAt: '2026-01-01T00:00:00.000Z', tries: 1 } });
  // a Progress built by code that does not know the field (it is optional in the type)
  const legacy = { ...old, format: 'annotated-microgpt-progress', version: 1 } as Progress;
  assert.deepEqual(mergeProgress(legacy, legacy).checkpoints, {});
  assert.deepEqual(mergeProgress(legacy, a).checkpoints, a.checkpoints);
  assert.deepEqual(parseProgress(JSON.stringify(mergeProgress(a, b))), mergeProgress(a, b), 'a merged progress exports and reads back');
});

test('a right answer is recorded once, with its tries; answering again later changes nothing', () => {
  const items = new Map<string, string>();
  Object.defineProperty(globalThis, 'localStorage', {
    value: { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) },
    configurable: true,
  });
  items.set('microgpt:progress', JSON.stringify(old));
  const first = markCheckpointAnswered('tokenizer', 'bos-line', 3).checkpoints!['tokenizer/bos-line'];
  assert.equal(first.tries, 3);
  assert.deepEqual(markCheckpointAnswered('tokenizer', 'bos-line', 1).checkpoints!['tokenizer/bos-line'], first);
  assert.deepEqual(JSON.parse(items.get('microgpt:progress')!).chapters, old.chapters, 'the rest of the progress is kept');
});
