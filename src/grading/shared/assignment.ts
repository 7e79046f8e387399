// An assignment link: the lesson, the class, a note, when it is due (date, time, time zone) and the
// exercises that count with their points, as query parameters:
//   ?lesson=first-hour&class=CS%20101&due=2026-12-01&time=23:59&tz=Europe/Paris
//    &ex=dataset/bigram-counts,tokenizer/encode-decode&pts=2,1&note=…
// It carries only what a student must see; the instructor's grading settings stay in their own
// file. The link carries no code and nothing that runs; the page shows its text only as text.
// Links made before time, tz, ex and pts existed still work: every exercise, 1 point, 23:59 UTC.
// Checkpoints that count are in cp (chapter/id, comma-separated) and cpts (their points); a link
// without cp counts none (links made before checkpoints could be assigned never asked for any).
import { isTimeZone, zonedInstant } from './settings.ts';

export interface CountedExercise {
  chapter: string;
  id: string;
  points: number;
}

export interface CountedCheckpoint {
  chapter: string;
  id: string;
  points: number;
}

export interface Assignment {
  lesson: string;
  className: string;
  note: string;
  due: string; // YYYY-MM-DD
  time: string; // HH:MM, 24-hour, in timeZone
  timeZone: string; // an IANA zone such as Europe/Paris
  exercises: CountedExercise[]; // the lesson's exercises that count, in order
  checkpoints?: CountedCheckpoint[]; // the lesson's checkpoints that count, in order (absent: none)
}

// what readAssignment needs to know of a lesson
export interface LessonExercises {
  id: string;
  exercises: readonly { chapter: string; id: string }[];
  checkpoints?: readonly { chapter: string; id: string }[];
}

export const LIMITS = { className: 100, note: 1000, points: 1000 };
export const DEFAULT_TIME = '23:59';
export const DEFAULT_TIME_ZONE = 'UTC';

export const exerciseKey = (e: { chapter: string; id: string }) => `${e.chapter}/${e.id}`;

// '/', ',' and ':' are allowed in a query and keep the link readable
const encode = (value: string) => encodeURIComponent(value).replace(/%2F/g, '/').replace(/%2C/g, ',').replace(/%3A/g, ':');

export function assignmentLink(pageUrl: string, a: Assignment): string {
  const url = new URL(pageUrl);
  const params: [string, string][] = [
    ['lesson', a.lesson],
    ['class', a.className],
    ['due', a.due],
    ['time', a.time],
    ['tz', a.timeZone],
  ];
  if (a.exercises.length > 0) params.push(['ex', a.exercises.map(exerciseKey).join(',')], ['pts', a.exercises.map((e) => String(e.points)).join(',')]);
  if (a.checkpoints && a.checkpoints.length > 0) params.push(['cp', a.checkpoints.map(exerciseKey).join(',')], ['cpts', a.checkpoints.map((c) => String(c.points)).join(',')]);
  if (a.note) params.push(['note', a.note]);
  url.search = params.map(([k, v]) => `${k}=${encode(v)}`).join('&');
  return url.toString();
}

export function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

// a time of day as HH:MM, 24-hour
export const isClock = (s: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(s);

// a number of points as written in a link or a form: 0 to LIMITS.points, decimals allowed
export function readPoints(text: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) return null;
  const n = Number(text);
  return n <= LIMITS.points ? n : null;
}

// the assignment in a link's query, or what is wrong with it
export function readAssignment(search: string, lessons: readonly LessonExercises[]): { assignment: Assignment } | { error: string } {
  const q = new URLSearchParams(search);
  const bad = (what: string) => ({ error: `${what} Ask your instructor for a new link.` });
  const lessonId = q.get('lesson') ?? '';
  if (lessonId === '') return { error: 'This link names no lesson. Ask your instructor for the full link.' };
  const lesson = lessons.find((l) => l.id === lessonId);
  if (!lesson) return bad(`This link names a lesson this site does not have ("${lessonId}").`);
  const due = q.get('due') ?? '';
  if (!isDate(due)) return bad(`This link's due date is not a date ("${due}").`);
  const time = q.get('time') ?? DEFAULT_TIME;
  if (!isClock(time)) return bad(`This link's due time is not a time of day ("${time}"); it should look like 23:59.`);
  const timeZone = q.get('tz') ?? DEFAULT_TIME_ZONE;
  if (timeZone === '' || !isTimeZone(timeZone)) return bad(`This link's time zone is not one this browser knows ("${timeZone}").`);

  const keys = q.has('ex') ? (q.get('ex') ?? '').split(',') : lesson.exercises.map(exerciseKey);
  const counted: { chapter: string; id: string }[] = [];
  for (const key of keys) {
    if (key === '') return bad('This link lists an empty exercise name in "ex".');
    const exercise = lesson.exercises.find((e) => exerciseKey(e) === key);
    if (!exercise) return bad(`This link names an exercise that is not in the lesson "${lesson.id}" ("${key}").`);
    if (counted.includes(exercise)) return bad(`This link names the exercise "${key}" twice.`);
    counted.push(exercise);
  }
  const pointsText = q.has('pts') ? (q.get('pts') ?? '').split(',') : counted.map(() => '1');
  if (pointsText.length !== counted.length)
    return bad(`This link gives ${pointsText.length} point value${pointsText.length === 1 ? '' : 's'} ("pts") for ${counted.length} exercise${counted.length === 1 ? '' : 's'}.`);
  const exercises: CountedExercise[] = [];
  for (const [i, e] of counted.entries()) {
    const points = readPoints(pointsText[i]);
    if (points === null) return bad(`This link's points for "${exerciseKey(e)}" are not a number from 0 to ${LIMITS.points} ("${pointsText[i]}").`);
    exercises.push({ chapter: e.chapter, id: e.id, points });
  }
  let checkpoints: CountedCheckpoint[] | undefined;
  if (q.has('cp')) {
    checkpoints = [];
    const keys = (q.get('cp') ?? '').split(',');
    const pts = (q.get('cpts') ?? '').split(',');
    if (pts.length !== keys.length) return bad(`This link gives ${pts.length} point value${pts.length === 1 ? '' : 's'} ("cpts") for ${keys.length} checkpoint${keys.length === 1 ? '' : 's'}.`);
    for (const [i, key] of keys.entries()) {
      const checkpoint = (lesson.checkpoints ?? []).find((c) => exerciseKey(c) === key);
      if (!checkpoint) return bad(`This link names a checkpoint that is not in the lesson "${lesson.id}" ("${key}").`);
      if (checkpoints.some((c) => exerciseKey(c) === key)) return bad(`This link names the checkpoint "${key}" twice.`);
      const points = readPoints(pts[i]);
      if (points === null) return bad(`This link's points for the checkpoint "${key}" are not a number from 0 to ${LIMITS.points} ("${pts[i]}").`);
      checkpoints.push({ chapter: checkpoint.chapter, id: checkpoint.id, points });
    }
  }
  const className = (q.get('class') ?? '').slice(0, LIMITS.className);
  const note = (q.get('note') ?? '').slice(0, LIMITS.note);
  return { assignment: { lesson: lesson.id, className, note, due, time, timeZone, exercises, ...(checkpoints ? { checkpoints } : {}) } };
}

export const dueInstant = (a: Pick<Assignment, 'due' | 'time' | 'timeZone'>): number => zonedInstant(a.due, a.time, a.timeZone);

// how far away an instant is, roughly: "in 3 days", "in 5 hours", "2 days ago"
export function timeFromNow(ms: number): string {
  const span = Math.abs(ms);
  const [n, unit] = span >= 86_400_000 ? [Math.floor(span / 86_400_000), 'day'] : span >= 3_600_000 ? [Math.floor(span / 3_600_000), 'hour'] : [Math.max(1, Math.ceil(span / 60_000)), 'minute'];
  const text = `${n} ${unit}${n === 1 ? '' : 's'}`;
  return ms > 0 ? `in ${text}` : `${text} ago`;
}

// when an assignment is due, as a student reads it: in the link's time zone, and in their own when
// that differs
export function describeDue(
  a: Pick<Assignment, 'due' | 'time' | 'timeZone'>,
  localZone: string,
  now: number,
  locale?: string,
): { inZone: string; local: string | null; fromNow: string; overdue: boolean } {
  const at = dueInstant(a);
  const format = (timeZone: string) => new Intl.DateTimeFormat(locale, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(at);
  const inZone = `${format(a.timeZone)} (${a.timeZone})`;
  const local = format(localZone) === format(a.timeZone) ? null : `${format(localZone)} (${localZone})`;
  return { inZone, local, fromNow: timeFromNow(at - now), overdue: now > at };
}
