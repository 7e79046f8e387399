import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseChapter } from '../../book/build/book.ts';
import { bookIndex, loadLessons } from './lessons.ts';
import { type BookIndex, LessonError, validateLesson } from './schema.ts';

const book: BookIndex = {
  chapters: {
    gpt: {
      title: 'The GPT model',
      sections: [{ id: 'attention', text: 'Attention' }],
      exercises: [{ id: 'softmax-max', title: 'Softmax' }],
      checkpoints: [
        { id: 'softmax-shift', question: 'Why?', variant: false },
        { id: 'your-vector', question: 'Yours?', variant: true },
      ],
    },
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
  assert.deepEqual(problems({ ...good, readings: [{ chapter: 'gpt', section: 'atention' }] }), ['lessons/x.yaml: readings[0].section: chapter "gpt" has no section "atention" (sections: attention)']);
  assert.deepEqual(problems({ ...good, readings: [{ chapter: 'gtp' }] }), ['lessons/x.yaml: readings[0].chapter: no chapter "gtp" (chapters: gpt)']);
  assert.deepEqual(
    problems({
      ...good,
      exercises: [
        { chapter: 'gpt', id: 'softmax' },
        { chapter: 'gpt', id: 'softmax' },
      ],
    }),
    [
      'lessons/x.yaml: exercises[0].id: chapter "gpt" has no exercise "softmax" (exercises: softmax-max)',
      'lessons/x.yaml: exercises[1].id: chapter "gpt" has no exercise "softmax" (exercises: softmax-max)',
      'lessons/x.yaml: exercises[1]: "gpt/softmax" is listed twice',
    ],
  );
  assert.match(problems(good, 'lessons/My Lesson.yaml')[0], /lessons\/My Lesson\.yaml: the file name must be a lesson id/);
  assert.match(problems([1, 2])[0], /^lessons\/x\.yaml: \(the file\): Invalid input: expected object/);
});

test('a lesson file that is not YAML is named, and the other lessons are still checked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lessons-'));
  writeFileSync(join(dir, 'broken.yaml'), 'title: "unclosed\nsummary: [');
  writeFileSync(join(dir, 'short.yaml'), 'title: Hi\n');
  assert.throws(
    () => loadLessons(dir, book),
    (error: Error) => {
      assert.match(error.message, /^lessons\/broken\.yaml: not valid YAML: /m);
      assert.match(error.message, /^lessons\/short\.yaml: order: /m);
      return true;
    },
  );
});

test('section anchors are the ids the site gives headings', () => {
  const mdx = "## What it is\n\n```ts\n## not a heading\n```\n\n### `Value.backward`\n\n## Python's random module, in brief\n\n## What it is";
  assert.deepEqual(
    parseChapter('x', mdx).sections.map((h) => h.id),
    ['what-it-is', 'valuebackward', 'pythons-random-module-in-brief', 'what-it-is-1'],
  );
  assert.ok(bookIndex().chapters.gpt.sections.some((s) => s.id === 'attention'));
});

test('a lesson lists checkpoints by chapter and id, each worth 1 point unless it says otherwise', () => {
  const lesson = validateLesson(
    'lessons/attention.yaml',
    {
      ...good,
      checkpoints: [
        { chapter: 'gpt', id: 'softmax-shift' },
        { chapter: 'gpt', id: 'your-vector', points: 2.5 },
      ],
    },
    book,
  );
  assert.deepEqual(lesson.checkpoints, [
    { chapter: 'gpt', id: 'softmax-shift', points: 1 },
    { chapter: 'gpt', id: 'your-vector', points: 2.5 },
  ]);
  assert.deepEqual(validateLesson('lessons/attention.yaml', good, book).checkpoints, [], 'none when the lesson lists none');
});

test('a checkpoint that does not exist, is listed twice, or has bad points is named with the file and field', () => {
  const problems = (checkpoints: unknown) => {
    try {
      validateLesson('lessons/x.yaml', { ...good, checkpoints }, book);
      return [];
    } catch (error) {
      assert.ok(error instanceof LessonError);
      return error.message.split('\n');
    }
  };
  assert.deepEqual(problems([{ chapter: 'gpt', id: 'softmax-shfit' }]), [
    'lessons/x.yaml: checkpoints[0].id: chapter "gpt" has no checkpoint "softmax-shfit" (checkpoints: softmax-shift, your-vector)',
  ]);
  assert.deepEqual(problems([{ chapter: 'gtp', id: 'softmax-shift' }]), ['lessons/x.yaml: checkpoints[0].chapter: no chapter "gtp"']);
  assert.deepEqual(
    problems([
      { chapter: 'gpt', id: 'softmax-shift' },
      { chapter: 'gpt', id: 'softmax-shift' },
    ]),
    ['lessons/x.yaml: checkpoints[1]: "gpt/softmax-shift" is listed twice'],
  );
  assert.match(problems([{ chapter: 'gpt', id: 'softmax-shift', points: -1 }])[0], /^lessons\/x\.yaml: checkpoints\[0\]\.points: /);
  assert.match(problems([{ chapter: 'gpt', id: 'softmax-shift', weight: 2 }])[0], /^lessons\/x\.yaml: checkpoints\[0\]: Unrecognized key: "weight"/);
});

test("the book's lessons: at least two list checkpoints, one of them drawn for each reader, and every one is in the book", () => {
  const index = bookIndex();
  const lessons = loadLessons();
  assert.ok(lessons.filter((l) => l.checkpoints.length > 0).length >= 2);
  const listed = lessons.flatMap((l) => l.checkpoints.map((c) => index.chapters[c.chapter].checkpoints!.find((x) => x.id === c.id)!));
  assert.ok(
    listed.some((c) => c.variant),
    'a variant question is assigned somewhere',
  );
});
