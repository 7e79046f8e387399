// The shapes a hand-in file may have, version 2 (what the site writes) and version 1 (before
// identity and activity were recorded): every field typed, no field the format does not have (the
// checksum covers only the known fields, so an added one is a hand edit), and each exercise and
// checkpoint listed once (only one answer can be graded). A file is hostile input: a problem is an
// issue of the parse, never a thrown error.
import { isClock, isDate } from './assignment.ts';
import { isTimeZone } from './settings.ts';
import { need, uniqueByKey, z } from '../../shared/schema.ts';

const text = z.string(need('text'));
const nonBlank = (message: string) => z.string({ error: message }).check(z.refine((s) => s.trim() !== '', message));
const flag = z.boolean(need('true or false'));
const time = z.string(need('a time')).check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'needs a time'));
const count = z.int(need('a whole number, 0 or more')).check(z.minimum(0, 'needs a whole number, 0 or more'));
const points = z.number(need('a number of points, 0 or more')).check(z.minimum(0, 'needs a number of points, 0 or more'));
const list = <T extends z.core.SomeType>(item: T) => z.array(item, need('a list'));
const keyed = <T extends { chapter: string; id: string }, S extends z.ZodMiniType<T>>(item: S) => list(item).check(uniqueByKey<T>());

const counted = z.strictObject({ chapter: text, id: text, points }, need('{ chapter, id, points }'));
const reading = z.strictObject({ chapter: text, section: z.nullable(text), read: flag }, need('{ chapter, section, read }'));

const assignmentV1 = {
  lesson: text,
  className: text,
  due: z.string(need('a date, YYYY-MM-DD')).check(z.refine(isDate, 'needs a date, YYYY-MM-DD')),
  note: text,
};
const assignment = z.strictObject(
  {
    ...assignmentV1,
    time: z.string(need('a time of day, HH:MM')).check(z.refine(isClock, 'needs a time of day, HH:MM')),
    timeZone: z.string(need('a time zone')).check(z.refine(isTimeZone, 'needs a time zone such as Europe/Paris')),
    exercises: keyed(counted),
    checkpoints: z.optional(keyed(counted)),
  },
  need('the assignment'),
);

const exerciseV1 = { chapter: text, id: text, code: z.nullable(text), passed: flag, passedAt: z.nullable(time) };
const exercise = z.strictObject(
  { ...exerciseV1, attempts: count, hintsOpened: count, solutionShownAt: z.nullable(time), version: text },
  need('{ chapter, id, code, passed, passedAt, attempts, hintsOpened, solutionShownAt, version }'),
);
const checkpoint = z.strictObject(
  {
    chapter: text,
    id: text,
    answer: z.nullable(z.union([z.string(), z.array(z.string())], need('text, or a list of texts'))),
    correct: flag,
    answeredAt: z.nullable(time),
    tries: count,
    identity: z.nullable(text),
  },
  need('{ chapter, id, answer, correct, answeredAt, tries, identity }'),
);

export const submissionV2 = z.strictObject({
  format: z.literal('annotated-microgpt-submission'),
  version: z.literal(2),
  assignment,
  student: z.strictObject({ name: nonBlank("the student's name is missing"), email: nonBlank("the student's email or login is missing") }, need('{ name, email }')),
  exportedAt: time,
  readings: list(reading),
  exercises: keyed(exercise),
  checkpoints: z.optional(keyed(checkpoint)),
  checksum: z.string(need('text (the checksum)')),
});

export const submissionV1 = z.strictObject({
  format: z.literal('annotated-microgpt-submission'),
  version: z.literal(1),
  assignment: z.strictObject(assignmentV1, need('the assignment')),
  student: nonBlank("the student's name is missing"),
  exportedAt: time,
  readings: list(reading),
  exercises: keyed(z.strictObject(exerciseV1, need('{ chapter, id, code, passed, passedAt }'))),
  checksum: z.string(need('text (the checksum)')),
});
