// How long a chapter takes, as its top says, from what it holds:
// - prose at 200 words a minute, the usual figure for reading to understand;
// - code at 10 lines a minute: a line of the book's code (quoted engine regions and cells, blank
//   lines not counted) holds about 7.7 names and numbers on average, each one to resolve rather
//   than skim, so code is read at about 80 of them a minute, some 40% of prose's pace;
// - half a minute a cell, to run it and read what it prints, and a minute a checkpoint, to think
//   and answer;
// then about ten minutes an exercise, said apart.
import { readEngineFile, regionLines } from '../../literate/build/regions.ts';
import type { Chapter } from './model.ts';

export const WORDS_PER_MINUTE = 200;
export const CODE_LINES_PER_MINUTE = 10;
const MINUTES_PER_CELL = 0.5;
const MINUTES_PER_CHECKPOINT = 1;
const MINUTES_PER_EXERCISE = 10;

export interface ReadingTime {
  minutes: number; // to read (prose and code), run the cells and answer the checkpoints, rounded to 5 (at least 5)
  exerciseMinutes: number; // for the exercises
  words: number;
  codeLines: number;
}

const nonBlank = (lines: string[]) => lines.filter((l) => l.trim() !== '').length;

export function codeLines(chapter: Chapter): number {
  const quoted = chapter.quotes.reduce((n, q) => n + nonBlank(regionLines(readEngineFile(q.module), q.region).map((l) => l.text)), 0);
  return quoted + chapter.cells.reduce((n, c) => n + nonBlank(c.code.split('\n')), 0);
}

export function readingTime(chapter: Chapter): ReadingTime {
  const words = chapter.prose.filter((p) => p.from === 'body').reduce((n, p) => n + (p.value.match(/\S+/g)?.length ?? 0), 0);
  const code = codeLines(chapter);
  const minutes = words / WORDS_PER_MINUTE + code / CODE_LINES_PER_MINUTE + chapter.cells.length * MINUTES_PER_CELL + chapter.checkpoints.length * MINUTES_PER_CHECKPOINT;
  return { minutes: Math.max(5, Math.round(minutes / 5) * 5), exerciseMinutes: chapter.exercises.length * MINUTES_PER_EXERCISE, words, codeLines: code };
}

// "1 hour 40 minutes", "45 minutes"
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = hours === 0 ? '' : `${hours} hour${hours === 1 ? '' : 's'}`;
  const m = rest === 0 && hours > 0 ? '' : `${rest} minutes`;
  return [h, m].filter(Boolean).join(' ');
}

export function describeReadingTime({ minutes, exerciseMinutes }: ReadingTime, exercises: number): string {
  const read = `About ${formatMinutes(minutes)} to read the prose and the code, run the cells and answer the checkpoints`;
  if (exercises === 0) return `${read}.`;
  return `${read}, and about ${formatMinutes(exerciseMinutes)} more for ${exercises === 1 ? 'its exercise' : `its ${exercises} exercises`}.`;
}

// the whole course: every chapter's time, and the exercises' apart
export function courseTime(times: ReadingTime[]): { minutes: number; exerciseMinutes: number } {
  return { minutes: times.reduce((n, t) => n + t.minutes, 0), exerciseMinutes: times.reduce((n, t) => n + t.exerciseMinutes, 0) };
}
