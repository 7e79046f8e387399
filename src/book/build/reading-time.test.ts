import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readEngineFile, regionLines } from '../../literate/build/regions.ts';
import { loadBook } from './book.ts';
import { deeperSlugs, h2Ranges } from './core-path.ts';
import { CODE_LINES_PER_MINUTE, codeLines, courseTime, describeReadingTime, formatMinutes, readingTime, WORDS_PER_MINUTE } from './reading-time.ts';

test('a chapter reads at 200 words a minute and 10 lines of code a minute, plus half a minute a cell and a minute a checkpoint, rounded to five', () => {
  const book = loadBook();
  for (const chapter of book) {
    const time = readingTime(chapter);
    const exact = time.words / WORDS_PER_MINUTE + time.codeLines / CODE_LINES_PER_MINUTE + chapter.cells.length / 2 + chapter.checkpoints.length;
    assert.ok(Math.abs(time.minutes - Math.max(5, exact)) <= 2.5, `${chapter.slug}: ${time.minutes} for ${exact}`);
    assert.equal(time.minutes % 5, 0);
    assert.equal(time.exerciseMinutes, 10 * chapter.exercises.length);
  }
  const gpt = book.find((c) => c.slug === 'gpt')!;
  assert.ok(readingTime(gpt).words > 1000, 'the body prose is counted');
  // the code is counted: the GPT chapter's 22 quoted regions and 17 cells hold hundreds of lines,
  // and its time is more than its prose alone would take
  assert.ok(codeLines(gpt) > 300, `${codeLines(gpt)} lines of code`);
  assert.ok(readingTime(gpt).minutes >= readingTime(gpt).words / WORDS_PER_MINUTE + 30);
});

test("a chapter's core path counts only what lies outside its deeper sections, at the same rates", () => {
  const book = loadBook();
  for (const chapter of book) {
    const deeper = h2Ranges(chapter).filter((r) => deeperSlugs(chapter.data).includes(r.section.id));
    const core = (line: number) => !deeper.some((r) => line >= r.start && line < r.end);
    const words = chapter.prose.filter((p) => p.from === 'body' && core(p.place.line)).reduce((n, p) => n + p.value.split(/\s+/).filter(Boolean).length, 0);
    const code = [
      ...chapter.quotes
        .filter((q) => core(q.line))
        .map((q) =>
          regionLines(readEngineFile(q.module), q.region)
            .map((l) => l.text)
            .join('\n'),
        ),
      ...chapter.cells.filter((c) => core(c.line)).map((c) => c.code),
    ]
      .flatMap((text) => text.split('\n'))
      .filter((l) => l.trim() !== '').length;
    const exact = words / WORDS_PER_MINUTE + code / CODE_LINES_PER_MINUTE + chapter.cells.filter((c) => core(c.line)).length / 2 + chapter.checkpoints.filter((c) => core(c.line)).length;
    const time = readingTime(chapter);
    assert.ok(Math.abs(time.coreMinutes - Math.max(5, exact)) <= 2.5, `${chapter.slug}: core ${time.coreMinutes} for ${exact}`);
    assert.equal(time.coreMinutes % 5, 0);
    assert.ok(time.coreMinutes <= time.minutes, chapter.slug);
    if (deeper.length === 0) assert.equal(time.coreMinutes, time.minutes, chapter.slug);
  }
  // the GPT chapter folds its derivations: its core path is shorter by more than rounding
  const gpt = readingTime(book.find((c) => c.slug === 'gpt')!);
  assert.ok(gpt.coreMinutes <= gpt.minutes - 10, `gpt: ${gpt.coreMinutes} of ${gpt.minutes}`);
});

test('the sentence says what the time covers, in hours past the hour, and the core path when it is shorter', () => {
  const t = (minutes: number, exerciseMinutes: number, coreMinutes = minutes) => ({ minutes, coreMinutes, exerciseMinutes, words: 0, codeLines: 0 });
  assert.equal(
    describeReadingTime(t(25, 20, 15), 2),
    'About 25 minutes to read the prose and the code, run the cells and answer the checkpoints (the core path, the deeper sections left folded: about 15 minutes), and about 20 minutes more for its 2 exercises.',
  );
  assert.equal(describeReadingTime(t(25, 20), 2), 'About 25 minutes to read the prose and the code, run the cells and answer the checkpoints, and about 20 minutes more for its 2 exercises.');
  assert.equal(describeReadingTime(t(100, 10), 1), 'About 1 hour 40 minutes to read the prose and the code, run the cells and answer the checkpoints, and about 10 minutes more for its exercise.');
  assert.equal(describeReadingTime(t(10, 0), 0), 'About 10 minutes to read the prose and the code, run the cells and answer the checkpoints.');
  assert.equal(formatMinutes(120), '2 hours');
  assert.deepEqual(courseTime([t(25, 20, 15), t(100, 10)]), { minutes: 125, coreMinutes: 115, exerciseMinutes: 30 });
});
