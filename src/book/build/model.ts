// The book as one typed model: every stage (the page's remark plugins, the cell and exercise
// checker, literate coverage, the number check, the lessons validator, the pages that list
// chapters) reads a chapter through this, parsed once from its mdast tree (src/book/build/read.ts).
import type { Code, Parent } from 'mdast';
import type { Cell } from '../../cells/build/read.ts';
import type { Checkpoint } from '../../checkpoints/build/read.ts';
import type { Exercise } from '../../exercises/build/read.ts';

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
