// A grading settings file as the instructor may have edited it by hand: each problem refused with
// the field it is in, before any hand-in is graded by it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSettings } from './settings-file.ts';
import { defaultSettings, type GradingSettings } from './settings.ts';

const good: GradingSettings = {
  ...defaultSettings({ id: 'first-hour', title: 'First hour', exercises: [{ chapter: 'gpt', id: 'double' }] }, '2026-12-01'),
  late: { rule: 'penalty', percentPerDay: 10, maxDays: 3 },
};
const problem = (settings: unknown) => {
  try {
    parseSettings(typeof settings === 'string' ? settings : JSON.stringify(settings));
  } catch (error) {
    return (error as Error).message;
  }
  return 'accepted';
};

test('a good settings file reads back as written', () => {
  assert.deepEqual(parseSettings(JSON.stringify(good)), good);
});

test('a file that is not grading settings, or a version this site does not read, says so', () => {
  assert.equal(problem('lesson,points\n'), 'not a grading settings file: it is not JSON');
  assert.equal(problem('{"format": '), 'the file is cut short (truncated): its JSON ends early');
  assert.equal(problem({ format: 'annotated-microgpt-submission', version: 2 }), 'not a grading settings file: "format" is not "annotated-microgpt-grading"');
  assert.equal(problem({ ...good, version: 2 }), 'grading settings file version 2 is not one this site reads (1)');
});

test('each malformed field is refused with its path', () => {
  const cases: [unknown, string][] = [
    [{ ...good, lesson: '' }, 'lesson: needs a lesson id'],
    [{ ...good, className: undefined }, 'className: is missing'],
    [{ ...good, exercises: [] }, 'exercises: needs at least one exercise (or checkpoint)'],
    [{ ...good, exercises: [{ chapter: 'gpt', id: 'double', points: -1 }] }, 'exercises[0].points: needs a number of points, 0 or more'],
    [{ ...good, exercises: [{ chapter: 'gpt' }] }, 'exercises[0].id: is missing'],
    [{ ...good, exercises: [...good.exercises, ...good.exercises] }, 'exercises[1]: "gpt/double" is listed twice'],
    [{ ...good, checkpoints: {} }, 'checkpoints: needs a list of { chapter, id, points }'],
    [{ ...good, due: 'tomorrow' }, 'due: needs { date, time, timeZone }'],
    [{ ...good, due: { ...good.due, date: '1/12/2026' } }, 'due.date: needs YYYY-MM-DD'],
    [{ ...good, due: { ...good.due, time: '24:00' } }, 'due.time: needs HH:MM (24-hour)'],
    [{ ...good, due: { ...good.due, timeZone: 'Mars/Olympus' } }, 'due.timeZone: "Mars/Olympus" is not a time zone (e.g. Europe/Paris, America/New_York, UTC)'],
    [{ ...good, late: { ...good.late, rule: 'lenient' } }, 'late.rule: needs "none", "penalty" or "zero"'],
    [{ ...good, late: { ...good.late, percentPerDay: 150 } }, 'late.percentPerDay: needs a percentage from 0 to 100'],
    [{ ...good, late: { ...good.late, maxDays: 1.5 } }, 'late.maxDays: needs a whole number of days, 0 for no limit'],
    [{ ...good, lmsAssignment: { name: 'Week 3' } }, 'lmsAssignment.id: is missing'],
    // a misspelt field would otherwise be ignored, and its setting silently not applied
    [{ ...good, checkpionts: [] }, 'the file has a field "checkpionts" that grading settings files do not have'],
    [{ ...good, late: { ...good.late, graceHours: 2 } }, 'late: has a field "graceHours" that grading settings files do not have'],
  ];
  for (const [settings, message] of cases) assert.equal(problem(settings), `grading settings: ${message}`);
});
