// What this site keeps in the reader's browser (localStorage), every key named here: their edits
// of cells and exercises, what they did in each exercise (Checks pressed, hints opened, solution
// shown), their progress, their name and email or login for hand-ins. Storage may be turned off or
// full; reading then finds nothing and writing reports false, and the page goes on without it.
// A saved entry that cannot be read is set aside under `<key>:unreadable`, never silently dropped.
// The keys are readers' saved data: changing one loses it.

// a cell's edit, or an exercise's attempt, by chapter and the id it is kept under in the chapter
const editKey = (chapter: string, id: string) => `microgpt:cell:${chapter}:${id}`;
export const progressKey = 'microgpt:progress';
export const studentNameKey = 'microgpt:student-name';
export const studentEmailKey = 'microgpt:student-email'; // email or login, as the course's LMS knows the student
// what the reader did in an exercise, by chapter and exercise id
const activityKey = (chapter: string, id: string) => `microgpt:exercise-activity:${chapter}:${id}`;
const unreadableKey = (key: string) => `${key}:unreadable`;
// a checkpoint's latest checked answer, by chapter and checkpoint id, for the hand-in file
// (src/checkpoints/page/record.ts)
export const checkpointAnswerKey = (chapter: string, id: string) => `microgpt:checkpoint-answer:${chapter}:${id}`;

// the assignment this tab came from (sessionStorage: it is forgotten with the tab), so its chapters
// can lead back to its checklist
export const openAssignmentKey = 'microgpt:open-assignment';
export interface OpenAssignment {
  href: string;
  title: string;
  chapters: string[];
}

export function rememberAssignment(open: OpenAssignment): void {
  try {
    sessionStorage.setItem(openAssignmentKey, JSON.stringify(open));
  } catch {
    // no storage (turned off, or full): nothing is kept
  }
}

export function openAssignment(): OpenAssignment | null {
  try {
    const open = JSON.parse(sessionStorage.getItem(openAssignmentKey) ?? 'null') as OpenAssignment | null;
    return open && typeof open.href === 'string' && typeof open.title === 'string' && Array.isArray(open.chapters) ? open : null;
  } catch {
    return null; // unreadable: there is simply no way back shown
  }
}

// the chapter the reader last opened, for the home page's "Continue where you left off"
export const lastChapterKey = 'microgpt:last-chapter';

// exercise attempts are kept beside cell edits, under ids of their own
export const exerciseSlot = (id: string) => `exercise/${id}`;
export const beforeSolutionSlot = (id: string) => `exercise/${id}/before-solution`;

// null when nothing is stored, or storage cannot be read
export function readItem(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeItem(key: string, value: string): boolean {
  try {
    localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export function removeItem(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // no storage (turned off, or full): nothing is kept
  }
}

// keeps text that could not be read where a reader (or support) can still find it; returns that key
export function setAside(key: string, raw: string): string {
  try {
    localStorage.setItem(unreadableKey(key), raw);
    localStorage.removeItem(key);
  } catch {
    // no storage (turned off, or full): nothing is kept
  }
  return unreadableKey(key);
}

// A reader's edit of a cell (or attempt at an exercise), with the hash of the book's version they
// started from.
export interface SavedEdit {
  code: string;
  bookHash: string; // the book's version when the reader edited it
  savedAt: string;
}

export type LoadResult = { kind: 'none' } | { kind: 'saved'; edit: SavedEdit } | { kind: 'corrupt'; raw: string; keptAs: string };

export function loadEdit(chapter: string, id: string): LoadResult {
  const raw = readItem(editKey(chapter, id));
  if (raw === null) return { kind: 'none' };
  try {
    const edit = JSON.parse(raw) as SavedEdit;
    if (typeof edit.code !== 'string' || typeof edit.bookHash !== 'string') throw new Error('not an edit');
    return { kind: 'saved', edit };
  } catch {
    return { kind: 'corrupt', raw, keptAs: setAside(editKey(chapter, id), raw) };
  }
}

// false when storage is full or turned off: the edit stays in the page
export function saveEdit(chapter: string, id: string, edit: SavedEdit): boolean {
  return writeItem(editKey(chapter, id), JSON.stringify(edit));
}

export function clearEdit(chapter: string, id: string): void {
  removeItem(editKey(chapter, id));
}

// What a reader did in an exercise, for the hand-in file: recorded by the exercise, kept across reloads.
export interface ExerciseActivity {
  attempts: number; // times Check was pressed
  hintsOpened: number; // hints shown
  solutionShownAt: string | null; // when the reader first confirmed showing the solution
  version: string; // the exercise's book version when the reader last did something in it
}

const noActivity = (): ExerciseActivity => ({ attempts: 0, hintsOpened: 0, solutionShownAt: null, version: '' });

// nothing recorded reads as no activity; an entry that cannot be read is set aside whole, and each
// of its fields that still reads is kept (a solution shown stays shown), the others start afresh
export function loadActivity(chapter: string, id: string): ExerciseActivity {
  const raw = readItem(activityKey(chapter, id));
  if (raw === null) return noActivity();
  let a: Partial<Record<keyof ExerciseActivity, unknown>> = {};
  try {
    a = JSON.parse(raw) ?? {};
  } catch {
    // not JSON: nothing of it reads
  }
  const count = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  const kept: ExerciseActivity = {
    attempts: count(a.attempts) ? (a.attempts as number) : 0,
    hintsOpened: count(a.hintsOpened) ? (a.hintsOpened as number) : 0,
    solutionShownAt: typeof a.solutionShownAt === 'string' ? a.solutionShownAt : null,
    version: typeof a.version === 'string' ? a.version : '',
  };
  const whole = count(a.attempts) && count(a.hintsOpened) && (a.solutionShownAt === null || typeof a.solutionShownAt === 'string') && typeof a.version === 'string';
  if (!whole) setAside(activityKey(chapter, id), raw);
  return kept;
}

// changes the stored record and returns it (with storage full or turned off, nothing is kept)
export function recordActivity(chapter: string, id: string, change: (a: ExerciseActivity) => void): ExerciseActivity {
  const activity = loadActivity(chapter, id);
  change(activity);
  writeItem(activityKey(chapter, id), JSON.stringify(activity));
  return activity;
}
