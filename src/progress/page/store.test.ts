// Saved progress that is partly damaged (an entry edited by hand, a field another version wrote):
// every entry that reads is kept, the rest is said by its path, and the saved text is set aside
// whole; a file to import is still taken whole or not at all.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadProgress, parseProgress } from './store.ts';

function useStorage(): Map<string, string> {
  const items = new Map<string, string>();
  Object.defineProperty(globalThis, 'localStorage', {
    value: { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) },
    configurable: true,
  });
  return items;
}

const good = {
  format: 'annotated-microgpt-progress',
  version: 1,
  chapters: { tokenizer: { readAt: '2026-01-02T10:00:00.000Z' }, gpt: { readAt: 'yesterday' } },
  exercises: { 'gpt/double': { passedAt: '2026-01-02T11:00:00.000Z', code: 'const double = (x) => 2 * x;' }, 'gpt/halve': { passedAt: '2026-01-02T11:00:00.000Z' } },
  checkpoints: { 'gpt/q': { answeredAt: '2026-01-02T12:00:00.000Z', tries: 2 }, 'gpt/r': 'right' },
};

test('a saved progress with damaged entries keeps every entry that reads, says which were dropped, and sets the saved text aside', () => {
  const items = useStorage();
  const raw = JSON.stringify(good);
  items.set('microgpt:progress', raw);
  const { progress, problem } = loadProgress();
  assert.deepEqual(progress, {
    format: 'annotated-microgpt-progress',
    version: 1,
    chapters: { tokenizer: { readAt: '2026-01-02T10:00:00.000Z' } },
    exercises: { 'gpt/double': { passedAt: '2026-01-02T11:00:00.000Z', code: 'const double = (x) => 2 * x;' } },
    checkpoints: { 'gpt/q': { answeredAt: '2026-01-02T12:00:00.000Z', tries: 2 } },
  });
  assert.equal(
    problem,
    'Part of your saved progress could not be read (chapters.gpt: "readAt" must be a date; exercises.gpt/halve: needs "passedAt" (a date) and "code" (text); checkpoints.gpt/r: needs "answeredAt" (a date) and "tries" (a whole number from 1)); it was set aside under "microgpt:progress:unreadable", and the rest is kept.',
  );
  assert.equal(items.get('microgpt:progress:unreadable'), raw);
  // what was kept is saved, so the next page reads it without a word
  assert.deepEqual(loadProgress(), { progress, problem: null });
});

test('a section that is not a record is dropped alone; more than three problems are counted, not listed', () => {
  const items = useStorage();
  items.set('microgpt:progress', JSON.stringify({ ...good, chapters: { a: {}, b: {}, c: {}, d: {}, e: {} }, exercises: [] }));
  const { progress, problem } = loadProgress();
  assert.deepEqual([progress.chapters, progress.exercises, progress.checkpoints], [{}, {}, { 'gpt/q': { answeredAt: '2026-01-02T12:00:00.000Z', tries: 2 } }]);
  assert.match(problem!, /^Part of your saved progress could not be read \(chapters\.a: "readAt" must be a date; chapters\.b: [^;]+; chapters\.c: [^;]+; and 4 more\)/);
});

test('a saved text that is not progress at all is set aside whole, and progress starts afresh', () => {
  const items = useStorage();
  items.set('microgpt:progress', '{"format": "annotated-micro');
  assert.deepEqual(
    loadProgress().problem,
    'Your saved progress could not be read (the file is cut short (truncated): its JSON ends early); it was set aside under "microgpt:progress:unreadable" and progress starts afresh.',
  );
  items.set('microgpt:progress', JSON.stringify({ ...good, version: 2 }));
  assert.match(loadProgress().problem!, /\(progress file version 2 is not one this site reads \(1\)\).*starts afresh\.$/);
});

test('a file to import is taken whole or not at all: its first problem is said', () => {
  const polluted = '{"format":"annotated-microgpt-progress","version":1,"chapters":{"__proto__":{"readAt":"2026-01-02T10:00:00.000Z"}},"exercises":{}}';
  assert.throws(() => parseProgress(polluted), { message: 'chapters.__proto__: not a key this site writes' });
  assert.throws(() => parseProgress(JSON.stringify(good)), { name: 'ProgressError', message: 'chapters.gpt: "readAt" must be a date' });
  assert.throws(() => parseProgress(JSON.stringify({ ...good, exercises: 5 })), { message: 'chapters.gpt: "readAt" must be a date' });
  assert.throws(() => parseProgress(JSON.stringify({ ...good, chapters: {}, exercises: 5 })), { message: 'progress file has no "exercises" record' });
});
