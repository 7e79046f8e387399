import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseChapter } from '../book/book.ts';
import { bookIndex, loadLessons } from './book.ts';
import { type BookIndex, LessonError, validateLesson } from './schema.ts';

const book: BookIndex = {
  chapters: {
    gpt: { title: 'The GPT model', sections: [{ id: 'attention', text: 'Attention' }], exercises: [{ id: 'softmax-max', title: 'Softmax' }] },
  },
};
const good = {
  title: 'Attention',
  order: 1,
  summary: 'Read about attention and write a softmax.',
  audience: 'Anyone',
  durationMinutes: 45,
  objectives: ['Explain attention.'],
  readings: [{ chapter: 'gpt', section: 'attention' }],
  exercises: [{ chapter: 'gpt', id: 'softmax-max' }],
  discussion: ['Why softmax?'],
  instructorNotes: 'Go slowly.',
};

test('every lesson in lessons/ is valid, and there are at least four', () => {
  const lessons = loadLessons();
  assert.ok(lessons.length >= 4, `${lessons.length} lessons`);
  for (const l of lessons) assert.ok(l.readings.length > 0 && l.instructorNotes.length > 0, l.id);
});

test('a valid lesson keeps its fields and gets its id from the file name', () => {
  const lesson = validateLesson('lessons/attention.yaml', good, book);
  assert.equal(lesson.id, 'attention');
  assert.deepEqual(lesson.exercises, good.exercises);
});

test('a malformed lesson is refused with the file and each field at fault', () => {
  const problems = (data: unknown, file = 'lessons/x.yaml') => {
    try {
      validateLesson(file, data, book);
      return [];
    } catch (error) {
      assert.ok(error instanceof LessonError);
      return error.message.split('\n');
    }
  };
  const { title: _, ...untitled } = good;
  assert.deepEqual(problems(untitled), ['lessons/x.yaml: title: Invalid input: expected string, received undefined']);
  assert.match(problems({ ...good, durationMinutes: 'an hour' })[0], /^lessons\/x\.yaml: durationMinutes: Invalid input: expected number/);
  assert.match(problems({ ...good, teacherNotes: 'x' })[0], /^lessons\/x\.yaml: \(the file\): Unrecognized key: "teacherNotes"/);
  assert.deepEqual(problems({ ...good, readings: [{ chapter: 'gpt', section: 'atention' }] }), [
    'lessons/x.yaml: readings[0].section: chapter "gpt" has no section "atention" (sections: attention)',
  ]);
  assert.deepEqual(problems({ ...good, readings: [{ chapter: 'gtp' }] }), ['lessons/x.yaml: readings[0].chapter: no chapter "gtp" (chapters: gpt)']);
  assert.deepEqual(problems({ ...good, exercises: [{ chapter: 'gpt', id: 'softmax' }, { chapter: 'gpt', id: 'softmax' }] }), [
    'lessons/x.yaml: exercises[0].id: chapter "gpt" has no exercise "softmax" (exercises: softmax-max)',
    'lessons/x.yaml: exercises[1].id: chapter "gpt" has no exercise "softmax" (exercises: softmax-max)',
    'lessons/x.yaml: exercises[1]: "gpt/softmax" is listed twice',
  ]);
  assert.match(problems(good, 'lessons/My Lesson.yaml')[0], /lessons\/My Lesson\.yaml: the file name must be a lesson id/);
  assert.match(problems([1, 2])[0], /^lessons\/x\.yaml: \(the file\): Invalid input: expected object/);
});

test('a lesson file that is not YAML is named, and the other lessons are still checked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lessons-'));
  writeFileSync(join(dir, 'broken.yaml'), 'title: "unclosed\nsummary: [');
  writeFileSync(join(dir, 'short.yaml'), 'title: Hi\n');
  assert.throws(() => loadLessons(dir, book), (error: Error) => {
    assert.match(error.message, /^lessons\/broken\.yaml: not valid YAML: /m);
    assert.match(error.message, /^lessons\/short\.yaml: order: /m);
    return true;
  });
});

test('section anchors are the ids the site gives headings', () => {
  const mdx = '## What it is\n\n```ts\n## not a heading\n```\n\n### `Value.backward`\n\n## Python\'s random module, in brief\n\n## What it is';
  assert.deepEqual(parseChapter('x', mdx).sections.map((h) => h.id), ['what-it-is', 'valuebackward', 'pythons-random-module-in-brief', 'what-it-is-1']);
  assert.ok(bookIndex().chapters.gpt.sections.some((s) => s.id === 'attention'));
});
