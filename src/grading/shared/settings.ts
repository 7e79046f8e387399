// What the instructor decides about grading an assignment, kept on the instructor's side: which of
// the lesson's exercises count and for how many points, when it is due (a date, a time and a time
// zone), what lateness costs, and the LMS column the grades go to. /assign/ writes it as a file
// beside the student's link; /grade/ and `npm run grade` read it (settings-file.ts). The student's
// link never holds it.

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
