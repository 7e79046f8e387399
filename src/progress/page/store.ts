// A reader's progress, kept in this browser: the chapters they finished and the exercises they
// passed (with the code that passed). It can be exported to a file and imported back; a saved
// state or a file that cannot be read is refused with a message, and never replaces good progress.
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

// the progress in a text, or a ProgressError saying what is wrong with it
export function parseProgress(text: string): Progress {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ProgressError('not a progress file: it is not JSON (was it cut short?)');
  }
  if (!isRecord(data) || data.format !== 'annotated-microgpt-progress') throw new ProgressError('not a progress file: "format" is not "annotated-microgpt-progress"');
  if (data.version !== 1) throw new ProgressError(`progress file version ${JSON.stringify(data.version)} is not one this site reads (1)`);
  if (!isRecord(data.chapters) || !isRecord(data.exercises)) throw new ProgressError('progress file has no "chapters" or "exercises" record');
  for (const [slug, entry] of Object.entries(data.chapters)) if (!isRecord(entry) || !isDate(entry.readAt)) throw new ProgressError(`chapters.${slug}: "readAt" must be a date`);
  for (const [key, entry] of Object.entries(data.exercises))
    if (!isRecord(entry) || !isDate(entry.passedAt) || typeof entry.code !== 'string') throw new ProgressError(`exercises.${key}: needs "passedAt" (a date) and "code" (text)`);
  if (data.checkpoints === undefined) data.checkpoints = {};
  if (!isRecord(data.checkpoints)) throw new ProgressError('progress file\'s "checkpoints" is not a record');
  for (const [key, entry] of Object.entries(data.checkpoints))
    if (!isRecord(entry) || !isDate(entry.answeredAt) || !(Number.isInteger(entry.tries) && (entry.tries as number) >= 1))
      throw new ProgressError(`checkpoints.${key}: needs "answeredAt" (a date) and "tries" (a whole number from 1)`);
  return data as unknown as Progress;
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

export function loadProgress(): Loaded {
  const raw = readItem(progressKey);
  if (raw === null) return { progress: empty(), problem: null };
  try {
    return { progress: parseProgress(raw), problem: null };
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
