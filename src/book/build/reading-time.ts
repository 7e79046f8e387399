// How long a chapter takes, as its top says, from what it holds:
// - prose at 200 words a minute, the usual figure for reading to understand;
// - code at 10 lines a minute: a line of the book's code (quoted engine regions and cells, blank
//   lines not counted) holds about 7.7 names and numbers on average, each one to resolve rather
//   than skim, so code is read at about 80 of them a minute, some 40% of prose's pace;
// - half a minute a cell, to run it and read what it prints, and a minute a checkpoint, to think
//   and answer;
// then about ten minutes an exercise, said apart.
import { readEngineFile, regionLines } from '../../literate/build/regions.ts';
import { deeperRanges, inRange, type SectionRange } from './core-path.ts';
import type { Chapter } from './model.ts';

export const WORDS_PER_MINUTE = 200;
export const CODE_LINES_PER_MINUTE = 10;
const MINUTES_PER_CELL = 0.5;
const MINUTES_PER_CHECKPOINT = 1;
const MINUTES_PER_EXERCISE = 10;

export interface ReadingTime {
  minutes: number; // to read (prose and code), run the cells and answer the checkpoints, rounded to 5 (at least 5)
  coreMinutes: number; // the same, for the core path only: the deeper sections left out (core-path.ts)
  exerciseMinutes: number; // for the exercises
  words: number;
  codeLines: number;
}

const nonBlank = (lines: string[]) => lines.filter((l) => l.trim() !== '').length;
const everywhere = () => true;

// what a part of the chapter holds, the part given as which of its lines count
function measure(chapter: Chapter, counts: (line: number) => boolean = everywhere) {
  const words = chapter.prose.filter((p) => p.from === 'body' && counts(p.place.line)).reduce((n, p) => n + (p.value.match(/\S+/g)?.length ?? 0), 0);
  const quoted = chapter.quotes.filter((q) => counts(q.line)).reduce((n, q) => n + nonBlank(regionLines(readEngineFile(q.module), q.region).map((l) => l.text)), 0);
  const cells = chapter.cells.filter((c) => counts(c.line));
  const code = quoted + cells.reduce((n, c) => n + nonBlank(c.code.split('\n')), 0);
  const checkpoints = chapter.checkpoints.filter((c) => counts(c.line)).length;
  const minutes = words / WORDS_PER_MINUTE + code / CODE_LINES_PER_MINUTE + cells.length * MINUTES_PER_CELL + checkpoints * MINUTES_PER_CHECKPOINT;
  return { words, code, minutes };
}

export const codeLines = (chapter: Chapter): number => measure(chapter).code;

const roundToFive = (minutes: number) => Math.max(5, Math.round(minutes / 5) * 5);

export function readingTime(chapter: Chapter): ReadingTime {
  const all = measure(chapter);
  const deeper = deeperRanges(chapter);
  const core = measure(chapter, (line) => !deeper.some((r) => inRange(r, line)));
  return { minutes: roundToFive(all.minutes), coreMinutes: roundToFive(core.minutes), exerciseMinutes: chapter.exercises.length * MINUTES_PER_EXERCISE, words: all.words, codeLines: all.code };
}

// a deeper section's time, as its folded heading says it: to the minute, at least 1
export const sectionMinutes = (chapter: Chapter, range: SectionRange): number => Math.max(1, Math.round(measure(chapter, (line) => inRange(range, line)).minutes));

// "1 hour 40 minutes", "45 minutes"
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = hours === 0 ? '' : `${hours} hour${hours === 1 ? '' : 's'}`;
  const m = rest === 0 && hours > 0 ? '' : `${rest} minutes`;
  return [h, m].filter(Boolean).join(' ');
}

export function describeReadingTime({ minutes, coreMinutes, exerciseMinutes }: ReadingTime, exercises: number): string {
  const core = coreMinutes < minutes ? ` (the core path, the deeper sections left folded: about ${formatMinutes(coreMinutes)})` : '';
  const read = `About ${formatMinutes(minutes)} to read the prose and the code, run the cells and answer the checkpoints${core}`;
  if (exercises === 0) return `${read}.`;
  return `${read}, and about ${formatMinutes(exerciseMinutes)} more for ${exercises === 1 ? 'its exercise' : `its ${exercises} exercises`}.`;
}

// the whole course: every chapter's time, and the exercises' apart
export function courseTime(times: ReadingTime[]): { minutes: number; coreMinutes: number; exerciseMinutes: number } {
  const sum = (field: 'minutes' | 'coreMinutes' | 'exerciseMinutes') => times.reduce((n, t) => n + t[field], 0);
  return { minutes: sum('minutes'), coreMinutes: sum('coreMinutes'), exerciseMinutes: sum('exerciseMinutes') };
}
