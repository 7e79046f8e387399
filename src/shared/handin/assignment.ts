// An assignment link: a lesson id, a class name, a due date and a note, as query parameters. The
// link carries no code and nothing that runs; the page shows its text only as text.

export interface Assignment {
  lesson: string;
  className: string;
  due: string; // YYYY-MM-DD
  note: string;
}

export const LIMITS = { className: 100, note: 1000 };

export function assignmentLink(pageUrl: string, a: Assignment): string {
  const url = new URL(pageUrl);
  url.search = new URLSearchParams({ lesson: a.lesson, class: a.className, due: a.due, ...(a.note ? { note: a.note } : {}) }).toString();
  return url.toString();
}

export function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

// the assignment in a link's query, or what is wrong with it
export function readAssignment(search: string, lessonIds: readonly string[]): { assignment: Assignment } | { error: string } {
  const q = new URLSearchParams(search);
  const lesson = q.get('lesson') ?? '';
  if (lesson === '') return { error: 'This link names no lesson. Ask your instructor for the full link.' };
  if (!lessonIds.includes(lesson)) return { error: `This link names a lesson this site does not have ("${lesson}"). Ask your instructor for a new link.` };
  const due = q.get('due') ?? '';
  if (!isDate(due)) return { error: `This link's due date is not a date ("${due}"). Ask your instructor for a new link.` };
  const className = (q.get('class') ?? '').slice(0, LIMITS.className);
  const note = (q.get('note') ?? '').slice(0, LIMITS.note);
  return { assignment: { lesson, className, due, note } };
}

// whole days from today to the due date (negative once it has passed), in the reader's time zone
export function daysLeft(due: string, now = new Date()): number {
  const [y, m, d] = due.split('-').map(Number);
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((new Date(y, m - 1, d).getTime() - today.getTime()) / 86_400_000);
}
