// A reader's progress, kept in this browser: the chapters they finished and the exercises they
// passed (with the code that passed). It can be exported to a file and imported back; a file that
// cannot be read is refused with a message, and never replaces good progress; a saved state keeps
// every entry that reads, and what does not is said and set aside. Checked by hand, not by a zod
// schema: this file is in every page, and zod's smallest build would add about 6 KB (gzip) where
// the chapter pages have 2 KB left of their budget (scripts/size.ts).
import { readVersionedJson } from '../../shared/versioned-json.ts';
import { progressKey, readItem, setAside, writeItem } from './storage.ts';

export interface Progress {
  format: 'annotated-microgpt-progress';
  version: 1;
  chapters: Record<string, { readAt: string }>; // by chapter slug, or "slug#section" for a section ticked off by hand
  exercises: Record<string, { passedAt: string; code: string }>; // by "chapter/id"
  // by "chapter/id": checkpoints answered right, when first, and after how many tries. Added after
  // version 1 went out, so a saved state or file without it still reads (as none answered)
  checkpoints?: Record<string, CheckpointAnswer>;
}

export interface CheckpointAnswer {
  answeredAt: string;
  tries: number; // checks until the first right answer, that one included
}

const empty = (): Progress => ({ format: 'annotated-microgpt-progress', version: 1, chapters: {}, exercises: {}, checkpoints: {} });

export class ProgressError extends Error {
  name = 'ProgressError';
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isDate = (x: unknown) => typeof x === 'string' && !Number.isNaN(Date.parse(x));

const progressFile = { format: 'annotated-microgpt-progress', versions: [1], noun: 'progress file', notJson: 'it is not JSON (was it cut short?)' };

// each kind of entry: its problem, or null when it reads
const entryProblems = {
  chapters: (e: Record<string, unknown>) => (isDate(e.readAt) ? null : '"readAt" must be a date'),
  exercises: (e: Record<string, unknown>) => (isDate(e.passedAt) && typeof e.code === 'string' ? null : 'needs "passedAt" (a date) and "code" (text)'),
  checkpoints: (e: Record<string, unknown>) =>
    isDate(e.answeredAt) && Number.isInteger(e.tries) && (e.tries as number) >= 1 ? null : 'needs "answeredAt" (a date) and "tries" (a whole number from 1)',
};
const known = {
  chapters: (e: Record<string, unknown>) => ({ readAt: e.readAt as string }),
  exercises: (e: Record<string, unknown>) => ({ passedAt: e.passedAt as string, code: e.code as string }),
  checkpoints: (e: Record<string, unknown>) => ({ answeredAt: e.answeredAt as string, tries: e.tries as number }),
};

// the progress in a parsed text, every entry that reads, and what did not read (by its path);
// a ProgressError when it is not progress at all
function readProgress(text: string): { progress: Progress; dropped: string[] } {
  const data = readVersionedJson(text, progressFile, (message) => new ProgressError(message));
  const progress = empty();
  const dropped: string[] = [];
  for (const part of ['chapters', 'exercises', 'checkpoints'] as const) {
    const entries = data[part] ?? (part === 'checkpoints' ? {} : undefined);
    if (!isRecord(entries)) {
      dropped.push(part === 'checkpoints' ? 'progress file\'s "checkpoints" is not a record' : `progress file has no "${part}" record`);
      continue;
    }
    for (const [key, entry] of Object.entries(entries)) {
      // a key that would set the record's prototype rather than be an entry of it
      const problem = key === '__proto__' ? 'not a key this site writes' : isRecord(entry) ? entryProblems[part](entry) : entryProblems[part]({});
      if (problem) dropped.push(`${part}.${key}: ${problem}`);
      else (progress[part] as Record<string, unknown>)[key] = known[part](entry as Record<string, unknown>);
    }
  }
  return { progress, dropped };
}

// the progress in a file's text, or a ProgressError saying what is wrong with it: a file to import
// is taken whole or not at all
export function parseProgress(text: string): Progress {
  const { progress, dropped } = readProgress(text);
  if (dropped.length > 0) throw new ProgressError(dropped[0]);
  return progress;
}

// two progresses as one: each chapter and exercise from whichever has it, the earlier date kept
export function mergeProgress(a: Progress, b: Progress): Progress {
  const merged = empty();
  const earlier = <T extends Record<string, string>>(x: T | undefined, y: T | undefined, field: keyof T): T => (!x ? y! : !y ? x : x[field] <= y[field] ? x : y);
  for (const slug of new Set([...Object.keys(a.chapters), ...Object.keys(b.chapters)])) merged.chapters[slug] = earlier(a.chapters[slug], b.chapters[slug], 'readAt');
  for (const key of new Set([...Object.keys(a.exercises), ...Object.keys(b.exercises)])) merged.exercises[key] = earlier(a.exercises[key], b.exercises[key], 'passedAt');
  // a checkpoint: the earlier first right answer, with its tries
  const [ca, cb] = [a.checkpoints ?? {}, b.checkpoints ?? {}];
  for (const key of new Set([...Object.keys(ca), ...Object.keys(cb)])) {
    const [x, y] = [ca[key], cb[key]];
    merged.checkpoints![key] = !x ? y : !y ? x : x.answeredAt <= y.answeredAt ? x : y;
  }
  return merged;
}

export interface Loaded {
  progress: Progress;
  problem: string | null; // set when the saved state could not be read (it is set aside, not lost)
}

// the saved progress; what cannot be read of it is set aside (the whole saved text, under
// "<key>:unreadable") and said, and every entry that can be read is kept
export function loadProgress(): Loaded {
  const raw = readItem(progressKey);
  if (raw === null) return { progress: empty(), problem: null };
  try {
    const { progress, dropped } = readProgress(raw);
    if (dropped.length === 0) return { progress, problem: null };
    const keptAs = setAside(progressKey, raw);
    writeItem(progressKey, JSON.stringify(progress));
    const list = dropped.length > 3 ? `${dropped.slice(0, 3).join('; ')}; and ${dropped.length - 3} more` : dropped.join('; ');
    return { progress, problem: `Part of your saved progress could not be read (${list}); it was set aside under "${keptAs}", and the rest is kept.` };
  } catch (error) {
    const keptAs = setAside(progressKey, raw);
    return { progress: empty(), problem: `Your saved progress could not be read (${(error as Error).message}); it was set aside under "${keptAs}" and progress starts afresh.` };
  }
}

export function saveProgress(progress: Progress): boolean {
  if (!writeItem(progressKey, JSON.stringify(progress))) return false;
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent('microgpt:progress'));
  return true;
}

export function update(change: (p: Progress) => void): Progress {
  const { progress } = loadProgress();
  change(progress);
  saveProgress(progress);
  return progress;
}

export const markChapterRead = (slug: string) => update((p) => (p.chapters[slug] ??= { readAt: new Date().toISOString() }));
// the first right answer counts; answering again later changes nothing
export const markCheckpointAnswered = (chapter: string, id: string, tries: number) =>
  update((p) => ((p.checkpoints ??= {})[`${chapter}/${id}`] ??= { answeredAt: new Date().toISOString(), tries: Math.max(1, tries) }));
export const markExercisePassed = (chapter: string, id: string, code: string) =>
  update((p) => (p.exercises[`${chapter}/${id}`] = { passedAt: p.exercises[`${chapter}/${id}`]?.passedAt ?? new Date().toISOString(), code }));
