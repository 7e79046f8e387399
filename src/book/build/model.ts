// The book as one typed model: every stage (the page's remark plugins, the cell and exercise
// checker, literate coverage, the number check, the lessons validator, the pages that list
// chapters) reads a chapter through this, parsed once from its mdast tree (src/book/build/read.ts).
import type { Code, Parent } from 'mdast';
import type { CheckpointElement } from '../../checkpoints/build/read.ts';

export interface Place {
  file: string; // content/chapters/<slug>.mdx
  line: number; // 1-based
  column: number; // 1-based
}

export const where = (p: Place) => `${p.file}:${p.line}:${p.column}`;

// a malformed chapter: the message names the file, line and column
export class BookError extends Error {
  readonly place: Place;
  constructor(place: Place, message: string) {
    super(`${where(place)}: ${message}`);
    this.place = place;
  }
}

export const DEFAULT_TIMEOUT_MS = 10_000;

// where a block sits in the tree, for the plugin that renders it: its parent and its code nodes
export interface TreeSpot {
  parent: Parent;
  nodes: Code[];
}

// the text range of a code node in the chapter file, for rewriting it (check:cells --update)
export interface Span {
  start: number; // offset of the opening fence
  end: number; // offset just after the closing fence
}

// ```ts cell id=<id> [timeout=ms] [throws], then its ```output block as the next sibling.
// Lines above a `// ---` line are hidden setup: run first, not shown.
export interface Cell {
  chapter: string;
  file: string;
  id: string;
  place: Place; // the opening fence
  line: number; // place.line
  setup: string; // hidden lines ('' when none)
  code: string; // the visible code
  codeLine: number; // chapter line of the first visible line
  expected: string | null; // the output block's text, null when there is none
  expectedLine: number | null;
  timeoutMs: number;
  throws: boolean; // expected to end with an error, shown as the last output line "! Name: message"
  span: Span; // of the cell's code block
  outputSpan: Span | null;
  spot: TreeSpot;
}

// ```ts exercise id=<id> title="…" [withhold="name …"] (starter code, hidden setup above `// ---`),
// then its ```ts solution, ```ts checks and ```hints blocks as the next siblings, in any order, and
// a ```ts grading block: checks on inputs generated from the grader's seed, never shown in the page.
export interface Exercise {
  chapter: string;
  file: string;
  id: string;
  title: string;
  place: Place;
  line: number;
  setup: string;
  starter: string;
  starterLine: number;
  solution: string;
  solutionLine: number; // first line of the solution's code
  checks: string;
  checksLine: number;
  checkNames: string[]; // as written in check('…', …)
  grading: string; // the grading block's code ('' when there is none)
  gradingLine: number | null;
  provides: string[]; // the names the checks take from the reader's code (free in checks and grading)
  withhold: string[]; // engine exports the reader's code does not get: the answer itself
  hints: string[];
  hintsLine: number; // the hints block's opening fence
  timeoutMs: number;
  spot: TreeSpot;
}

export interface Section {
  id: string; // the anchor the site gives the heading
  text: string;
  depth: number;
  place: Place;
}

// <Source file="x.ts" region="name" />: a quoted region of the engine
export interface Quote {
  chapter: string;
  chapterTitle: string;
  section: { id: string; text: string } | null; // the heading above it
  module: string;
  region: string;
  file: string;
  line: number;
  place: Place;
  attributes: Record<string, unknown>;
}

// a figure component placed in the chapter (<AttentionFigure />), with where it was imported from
export interface Figure {
  name: string;
  importedFrom: string | null;
  place: Place;
}

// a run of prose text, as the reader sees it (no code, math, tags, attributes, link targets)
export interface Prose {
  value: string;
  place: Place;
  from: 'frontmatter' | 'body';
}

export interface Chapter {
  slug: string;
  file: string;
  title: string;
  order: number;
  data: Record<string, unknown>; // the frontmatter
  sections: Section[];
  cells: Cell[];
  exercises: Exercise[];
  quotes: Quote[];
  figures: Figure[];
  components: { name: string; text: string; place: Place }[]; // every JSX element placed, figures included, with the text inside it
  prose: Prose[]; // frontmatter prose first, then the body's in document order
  outputs: string[]; // every ```output block's text
  codeBlocks: { lang: string; meta: string; value: string; place: Place }[]; // every fenced block
  math: string[]; // display math blocks
  checkpoints: Checkpoint[]; // <Checkpoint id="…"> questions, in document order
}

// <Checkpoint id="…"> with one ```yaml block inside: a question that checks understanding.
// Numeric and predicted answers are not typed in by the author but computed at build from what a
// cell (or a snippet of code, run with the same runtime) prints; src/checkpoints/build computes,
// checks and seals them; src/checkpoints/README.md is the author's reference.
export type CheckpointKind = 'predict' | 'numeric' | 'choice' | 'line' | 'order';
export const CHECKPOINT_KINDS: readonly CheckpointKind[] = ['predict', 'numeric', 'choice', 'line', 'order'];

// what a computed answer is computed from: a cell of the same chapter (by id), or code run at build
export type AnswerSource = { cell: string } | { code: string; codeLine: number };

export interface CheckpointChoice {
  text: string; // as shown (`code` in backticks)
  value: string; // what a computed answer is compared with (the text unless given)
  why: string; // why this choice is right or wrong, shown when it is picked
  correct: boolean; // stated by the author (choice), or computed (predict with choices)
  place: Place;
}

// a foreseen wrong answer to a typed question, and why it is wrong: a literal, or an expression
// over the same output (the share from one use only, say), so it cannot go stale either
export interface CheckpointMistake {
  value: string | null;
  answer: string | null; // expression
  why: string;
  place: Place;
}

// a line of a quoted region, named by a piece of its text that no other line of the region has,
// so an engine edit that moves, removes or duplicates it fails the build instead of going stale
export interface CheckpointLine {
  match: string;
  correct: boolean;
  why: string;
  place: Place;
}

export interface Checkpoint {
  chapter: string;
  file: string;
  id: string;
  kind: CheckpointKind;
  place: Place; // the <Checkpoint> element
  line: number;
  question: string;
  why: string; // shown with a right answer ('' when none)
  hint: string; // shown with a wrong answer the checkpoint has no explanation for ('' when none)
  source: AnswerSource | null; // predict, numeric, and choice when its answer is computed
  answer: string | null; // the expression computing the answer from `output` / `lines`
  expect: string | null; // the answer as the prose states it, checked against the computed one
  tolerance: number | null; // numeric: absolute
  choices: CheckpointChoice[]; // choice; predict when the reader picks rather than types
  mistakes: CheckpointMistake[]; // predict (typed) and numeric
  region: { file: string; region: string } | null; // line: the quoted engine region
  lines: CheckpointLine[]; // line: the right line(s) and tempting wrong ones
  steps: string[]; // order: in the right order
  variant: { code: string; codeLine: number } | null; // numeric, predict: code run for each reader's seed (`variantSeed`)
  given: string | null; // with variant: an expression over what it printed, shown to the reader (their numbers)
  places: Record<string, Place>; // of each field, for messages
  element: CheckpointElement; // where it sits in the tree, for the plugin that renders it
}
