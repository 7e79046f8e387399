// What the page gets of an exercise: made by the remark plugin (src/exercises/build/remark.ts),
// passed as <Exercise data={…}> (src/exercises/Exercise.astro), written into the page for its
// script (src/exercises/page/client.ts).

export interface ExercisePageData {
  chapter: string;
  id: string;
  title: string;
  setup: string;
  starter: string;
  solution: string;
  checks: string;
  checkNames: string[];
  provides: string[]; // what the checks take from the reader's code, by name
  withhold: string[]; // engine exports the reader's code does not get
  hints: string[];
  timeoutMs: number;
  version: string; // a hash of the exercise as the book has it: a hand-in records it, /grade/ compares
}
