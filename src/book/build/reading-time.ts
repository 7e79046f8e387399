// How long a chapter takes, as its top says: the prose at 200 words a minute plus half a minute a
// cell (to run it and read what it prints), then about ten minutes an exercise, said apart.
import type { Chapter } from './model.ts';

export const WORDS_PER_MINUTE = 200;
const MINUTES_PER_CELL = 0.5;
const MINUTES_PER_EXERCISE = 10;

export interface ReadingTime {
  minutes: number; // to read and run the cells, rounded to 5 (at least 5)
  exerciseMinutes: number; // for the exercises
  words: number;
}

export function readingTime(chapter: Chapter): ReadingTime {
  const words = chapter.prose.filter((p) => p.from === 'body').reduce((n, p) => n + (p.value.match(/\S+/g)?.length ?? 0), 0);
  const minutes = words / WORDS_PER_MINUTE + chapter.cells.length * MINUTES_PER_CELL;
  return { minutes: Math.max(5, Math.round(minutes / 5) * 5), exerciseMinutes: chapter.exercises.length * MINUTES_PER_EXERCISE, words };
}

export function describeReadingTime({ minutes, exerciseMinutes }: ReadingTime, exercises: number): string {
  const read = `About ${minutes} minutes to read and run the cells`;
  if (exercises === 0) return `${read}.`;
  return `${read}, and about ${exerciseMinutes} more for ${exercises === 1 ? 'its exercise' : `its ${exercises} exercises`}.`;
}
