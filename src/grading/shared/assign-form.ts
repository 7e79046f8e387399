// /assign/'s form as data: the values as typed become the student's link and the instructor's
// grading settings file, or a list of problems, each naming the field it is about. The link holds
// what a student must see (what counts, what it is worth, when it is due); the settings file adds
// what stays with the instructor (the late rule, the LMS column).
import { type Assignment, LIMITS, assignmentLink, exerciseKey, isClock, isDate, readPoints } from './assignment.ts';
import { type GradingSettings, type LateRule, isTimeZone } from './settings.ts';

export interface AssignFormValues {
  lesson: string;
  className: string;
  note: string;
  dueDate: string; // YYYY-MM-DD
  dueTime: string; // HH:MM
  timeZone: string;
  exercises: { key: string; counted: boolean; points: string }[]; // key: chapter/id; points as typed
  checkpoints?: { key: string; counted: boolean; points: string }[]; // the same, for the lesson's checkpoints
  lateRule: string; // none | penalty | zero
  percentPerDay: string;
  maxDays: string;
  lmsName: string; // empty: the lesson's title
  lmsId: string;
}

export interface AssignLesson {
  id: string;
  title: string;
  exercises: readonly { chapter: string; id: string; title: string }[];
  checkpoints?: readonly { chapter: string; id: string; title: string; points: number }[];
}

// field: the form control's name ('points:<chapter/id>' for an exercise's points)
export interface FormProblem {
  field: string;
  message: string;
}

export type AssignResult = { link: string; settings: GradingSettings | null; settingsFileName: string } | { problems: FormProblem[] };

export const pointsField = (key: string) => `points:${key}`;
export const checkpointPointsField = (key: string) => `checkpoint-points:${key}`;

// the zone as Intl spells it (europe/paris -> Europe/Paris), or null when it is not one
export function canonicalZone(zone: string): string | null {
  const z = zone.trim();
  if (z === '' || !isTimeZone(z)) return null;
  return new Intl.DateTimeFormat('en', { timeZone: z }).resolvedOptions().timeZone;
}

export function makeAssignment(values: AssignFormValues, lessons: readonly AssignLesson[], assignmentPageUrl: string): AssignResult {
  const problems: FormProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  const lesson = lessons.find((l) => l.id === values.lesson);
  if (!lesson) return { problems: [{ field: 'lesson', message: `Choose a lesson ("${values.lesson}" is not one of this site's).` }] };

  if (!isDate(values.dueDate)) problem('dueDate', 'Due date: choose a date.');
  if (!isClock(values.dueTime)) problem('dueTime', `Due time: "${values.dueTime}" is not a time of day; write it as HH:MM, 24-hour (e.g. 23:59).`);
  const timeZone = canonicalZone(values.timeZone);
  if (timeZone === null) problem('timeZone', `Time zone: "${values.timeZone.trim()}" is not a time zone this browser knows; use a name such as Europe/Paris, America/New_York or UTC.`);

  const exercises: Assignment['exercises'] = [];
  let ticked = 0;
  for (const e of lesson.exercises) {
    const typed = values.exercises.find((x) => x.key === exerciseKey(e));
    if (!typed?.counted) continue;
    ticked++;
    const points = readPoints(typed.points);
    if (points === null) problem(pointsField(typed.key), `Points for "${e.title}": "${typed.points.trim()}" is not a number from 0 to ${LIMITS.points}.`);
    else exercises.push({ chapter: e.chapter, id: e.id, points });
  }
  const checkpoints: NonNullable<Assignment['checkpoints']> = [];
  for (const c of lesson.checkpoints ?? []) {
    const typed = values.checkpoints?.find((x) => x.key === exerciseKey(c));
    if (!typed?.counted) continue;
    ticked++;
    const points = readPoints(typed.points);
    if (points === null) problem(checkpointPointsField(typed.key), `Points for the checkpoint "${c.title}": "${typed.points.trim()}" is not a number from 0 to ${LIMITS.points}.`);
    else checkpoints.push({ chapter: c.chapter, id: c.id, points });
  }
  if (lesson.exercises.length + (lesson.checkpoints?.length ?? 0) > 0 && ticked === 0)
    problem('exercises', `Exercises: tick at least one exercise${lesson.checkpoints?.length ? ' or checkpoint' : ''} to count.`);

  const late = lateRule(values, problem);
  if (problems.length > 0) return { problems };

  const assignment: Assignment = {
    lesson: lesson.id,
    className: values.className.trim().slice(0, LIMITS.className),
    note: values.note.trim().slice(0, LIMITS.note),
    due: values.dueDate,
    time: values.dueTime,
    timeZone: timeZone!,
    exercises,
    ...(checkpoints.length > 0 ? { checkpoints } : {}),
  };
  // a lesson without exercises has nothing to grade, and so no settings file
  const settings: GradingSettings | null =
    exercises.length === 0 && checkpoints.length === 0
      ? null
      : {
          format: 'annotated-microgpt-grading',
          version: 1,
          lesson: lesson.id,
          className: assignment.className,
          exercises,
          ...(checkpoints.length > 0 ? { checkpoints } : {}),
          due: { date: assignment.due, time: assignment.time, timeZone: assignment.timeZone },
          late,
          lmsAssignment: { name: values.lmsName.trim() || lesson.title, id: values.lmsId.trim() || null },
        };
  return { link: assignmentLink(assignmentPageUrl, assignment), settings, settingsFileName: `${lesson.id}-grading.json` };
}

function lateRule(values: AssignFormValues, problem: (field: string, message: string) => void): LateRule {
  if (values.lateRule === 'none' || values.lateRule === 'zero') return { rule: values.lateRule, percentPerDay: 0, maxDays: 0 };
  if (values.lateRule !== 'penalty') {
    problem('lateRule', 'Late work: choose one of the rules.');
    return { rule: 'none', percentPerDay: 0, maxDays: 0 };
  }
  const percent = values.percentPerDay.trim();
  const percentPerDay = /^\d+(\.\d+)?$/.test(percent) ? Number(percent) : NaN;
  if (!(percentPerDay >= 0 && percentPerDay <= 100)) problem('percentPerDay', `Penalty per day: "${percent}" is not a percentage from 0 to 100.`);
  const days = values.maxDays.trim();
  const maxDays = /^\d+$/.test(days) ? Number(days) : NaN;
  if (!(maxDays >= 0)) problem('maxDays', `Days accepted late: "${days}" is not a whole number of days (0 for no limit).`);
  return { rule: 'penalty', percentPerDay, maxDays };
}
