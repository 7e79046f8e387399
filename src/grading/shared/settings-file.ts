// A grading settings file as /grade/, `npm run grade` and the Gradescope bundle read it: its
// schema, each problem named by its path. Apart from settings.ts, so the pages that only make or
// use settings (/assign/, the student's assignment page) load no schema.
import { describeIssue, need, uniqueByKey, z } from '../../shared/schema.ts';
import { readVersionedJson } from '../../shared/versioned-json.ts';
import { type GradingSettings, isTimeZone, SettingsError } from './settings.ts';

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
  const data = readVersionedJson(text, { format: 'annotated-microgpt-grading', versions: [1], noun: 'grading settings file' }, (message) => new SettingsError(message));
  const parsed = settingsSchema.safeParse(data);
  if (!parsed.success) throw new SettingsError(`grading settings: ${describeIssue(parsed.error.issues[0], 'grading settings files')}`);
  return parsed.data;
}
