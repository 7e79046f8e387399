// What the instructor decides about grading an assignment, kept on the instructor's side: which of
// the lesson's exercises count and for how many points, when it is due (a date, a time and a time
// zone), what lateness costs, and the LMS column the grades go to. /assign/ writes it as a file
// beside the student's link; /grade/ and `npm run grade` read it. The student's link never holds it.

import { describeIssue, need, uniqueByKey, z } from '../../shared/schema.ts';

export interface LateRule {
  rule: 'none' | 'penalty' | 'zero'; // late work: graded as usual, a penalty per day late, or no points
  percentPerDay: number; // for 'penalty': points lost per started day late, in percent of the total
  maxDays: number; // for 'penalty': after this many days, no points (0: no limit)
}

export interface GradingSettings {
  format: 'annotated-microgpt-grading';
  version: 1;
  lesson: string;
  className: string;
  exercises: { chapter: string; id: string; points: number }[];
  // the checkpoints that count and their points; absent (files made before checkpoints could be
  // graded): none count
  checkpoints?: { chapter: string; id: string; points: number }[];
  due: { date: string; time: string; timeZone: string }; // YYYY-MM-DD, HH:MM, an IANA zone such as Europe/Paris
  late: LateRule;
  lmsAssignment: { name: string; id: string | null }; // Canvas's column is "<name> (<id>)"
}

export class SettingsError extends Error {
  name = 'SettingsError';
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// the instant a wall-clock time in a time zone stands for (the zone's offset at that moment)
export function zonedInstant(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const offsetAt = (t: number) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
        .formatToParts(t)
        .map((p) => [p.type, p.value]),
    );
    return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)) - t;
  };
  // twice: the offset at the guess, then at the corrected instant (right across a DST change)
  const first = guess - offsetAt(guess);
  return guess - offsetAt(first);
}

export function dueInstant(settings: Pick<GradingSettings, 'due'>): number {
  return zonedInstant(settings.due.date, settings.due.time, settings.due.timeZone);
}

// how late a hand-in is and what it costs: whole started days after the due instant
export function lateness(handedInAt: number, settings: Pick<GradingSettings, 'due' | 'late'>): { days: number; penaltyPercent: number } | null {
  const over = handedInAt - dueInstant(settings);
  if (over <= 0) return null;
  const days = Math.ceil(over / 86_400_000);
  const { rule, percentPerDay, maxDays } = settings.late;
  const penaltyPercent = rule === 'none' ? 0 : rule === 'zero' ? 100 : maxDays > 0 && days > maxDays ? 100 : Math.min(100, days * percentPerDay);
  return { days, penaltyPercent };
}

// the points an assignment is out of: its exercises' and its checkpoints'
export const totalPoints = (s: Pick<GradingSettings, 'exercises' | 'checkpoints'>): number =>
  Math.round((s.exercises.reduce((t, e) => t + e.points, 0) + (s.checkpoints ?? []).reduce((t, c) => t + c.points, 0)) * 100) / 100;

const counted = z.strictObject(
  { chapter: z.string(need('text')), id: z.string(need('text')), points: z.number(need('a number of points, 0 or more')).check(z.minimum(0, 'needs a number of points, 0 or more')) },
  need('{ chapter, id, points }'),
);
const countedList = z.array(counted, need('a list of { chapter, id, points }')).check(uniqueByKey());
const settingsSchema = z
  .strictObject({
    format: z.literal('annotated-microgpt-grading'),
    version: z.literal(1),
    lesson: z.string(need('a lesson id')).check(z.minLength(1, 'needs a lesson id')),
    className: z.string(need('text')),
    exercises: countedList,
    checkpoints: z.optional(countedList),
    due: z.strictObject(
      {
        date: z.string(need('YYYY-MM-DD')).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'needs YYYY-MM-DD')),
        time: z.string(need('HH:MM (24-hour)')).check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'needs HH:MM (24-hour)')),
        timeZone: z
          .string(need('a time zone (e.g. Europe/Paris, America/New_York, UTC)'))
          .check(z.refine(isTimeZone, { error: (issue) => `"${String(issue.input)}" is not a time zone (e.g. Europe/Paris, America/New_York, UTC)` })),
      },
      need('{ date, time, timeZone }'),
    ),
    late: z.strictObject(
      {
        rule: z.enum(['none', 'penalty', 'zero'], need('"none", "penalty" or "zero"')),
        percentPerDay: z.number(need('a percentage from 0 to 100')).check(z.minimum(0, 'needs a percentage from 0 to 100'), z.maximum(100, 'needs a percentage from 0 to 100')),
        maxDays: z.int(need('a whole number of days, 0 for no limit')).check(z.minimum(0, 'needs a whole number of days, 0 for no limit')),
      },
      need('{ rule, percentPerDay, maxDays }'),
    ),
    lmsAssignment: z.strictObject({ name: z.string(need('text')), id: z.nullable(z.string(need('text, or null'))) }, need('{ name, id } (id may be null)')),
  })
  .check(z.refine((s) => s.exercises.length > 0 || (s.checkpoints ?? []).length > 0, { path: ['exercises'], message: 'needs at least one exercise (or checkpoint)' }));

// the settings in a file's text, or a SettingsError naming the field that is wrong
export function parseSettings(text: string): GradingSettings {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new SettingsError('not a grading settings file: it is not JSON');
  }
  if (!isRecord(data) || data.format !== 'annotated-microgpt-grading') throw new SettingsError('not a grading settings file: "format" is not "annotated-microgpt-grading"');
  if (data.version !== 1) throw new SettingsError(`grading settings version ${JSON.stringify(data.version)} is not one this site reads (1)`);
  const parsed = settingsSchema.safeParse(data);
  if (!parsed.success) throw new SettingsError(`grading settings: ${describeIssue(parsed.error.issues[0], 'grading settings files')}`);
  return parsed.data;
}

// settings for a lesson when the instructor has none: every exercise one point, due at the end of
// the day given, in UTC, late work graded as usual
// (and its checkpoints at the points the lesson gives them)
export function defaultSettings(
  lesson: { id: string; title: string; exercises: { chapter: string; id: string }[]; checkpoints?: { chapter: string; id: string; points: number }[] },
  dueDate: string,
): GradingSettings {
  return {
    format: 'annotated-microgpt-grading',
    version: 1,
    lesson: lesson.id,
    className: '',
    exercises: lesson.exercises.map((e) => ({ ...e, points: 1 })),
    ...(lesson.checkpoints?.length ? { checkpoints: lesson.checkpoints.map((c) => ({ chapter: c.chapter, id: c.id, points: c.points })) } : {}),
    due: { date: dueDate, time: '23:59', timeZone: 'UTC' },
    late: { rule: 'none', percentPerDay: 0, maxDays: 0 },
    lmsAssignment: { name: lesson.title, id: null },
  };
}
