import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadBook } from './book.ts';
import { describeReadingTime, readingTime, WORDS_PER_MINUTE } from './reading-time.ts';

test('a chapter reads at 200 words a minute plus half a minute a cell, rounded to five', () => {
  const book = loadBook();
  for (const chapter of book) {
    const time = readingTime(chapter);
    const exact = time.words / WORDS_PER_MINUTE + chapter.cells.length / 2;
    assert.ok(Math.abs(time.minutes - Math.max(5, exact)) <= 2.5, `${chapter.slug}: ${time.minutes} for ${exact}`);
    assert.equal(time.minutes % 5, 0);
    assert.equal(time.exerciseMinutes, 10 * chapter.exercises.length);
  }
  const gpt = book.find((c) => c.slug === 'gpt')!;
  assert.ok(readingTime(gpt).words > 1000, 'the body prose is counted');
});

test('the sentence says what the time covers', () => {
  assert.equal(describeReadingTime({ minutes: 25, exerciseMinutes: 20, words: 0 }, 2), 'About 25 minutes to read and run the cells, and about 20 more for its 2 exercises.');
  assert.equal(describeReadingTime({ minutes: 5, exerciseMinutes: 10, words: 0 }, 1), 'About 5 minutes to read and run the cells, and about 10 more for its exercise.');
  assert.equal(describeReadingTime({ minutes: 10, exerciseMinutes: 0, words: 0 }, 0), 'About 10 minutes to read and run the cells.');
});
