// What a page's scripts get of a cell or an exercise: written into the page at build by the
// remark plugin (src/cells/build/remark.ts), read by src/cells/page and src/exercises/page.

export interface CellPageData {
  chapter: string;
  id: string;
  setup: string; // hidden lines, run first ('' when none)
  code: string;
  expected: string | null; // the book's output
  timeoutMs: number;
  throws: boolean;
}

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
