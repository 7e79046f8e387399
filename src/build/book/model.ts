// The book as one typed model: every stage (the page's remark plugins, the cell and exercise
// checker, literate coverage, the number check, the lessons validator, the pages that list
// chapters) reads a chapter through this, parsed once from its mdast tree (src/build/book/read.ts).
import type { Code, Parent } from 'mdast';

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
  components: { name: string; place: Place }[]; // every JSX element placed, figures included
  prose: Prose[]; // frontmatter prose first, then the body's in document order
  outputs: string[]; // every ```output block's text
  codeBlocks: { lang: string; meta: string; value: string; place: Place }[]; // every fenced block
  math: string[]; // display math blocks
}
