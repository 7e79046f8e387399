// The course's glossary (content/glossary.yaml), read and checked against the book: each term's
// chapter and section must exist, and a problem stops the build as "content/glossary.yaml:line:col:
// message". Also the matcher the remark plugin uses to find a term's uses in a run of text.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { loadBook } from '../../book/build/book.ts';
import { where, type Place } from '../../book/build/model.ts';
import type { z } from 'astro/zod';
import { FIELDS, glossaryTerm, sentenceCount, termFields } from './schema.ts';

export interface GlossaryTerm {
  id: string; // the anchor on /glossary/
  term: string;
  also: string[];
  not: string[]; // phrases in which a spelling is not a use of the term ("documents retrieved")
  definition: string;
  chapter: string; // slug
  section: string | null; // a heading's anchor in that chapter, null for the chapter's opening
  place: Place; // where the entry starts in the file
}

// what the glossary may point at: each chapter's slug, title and section anchors
export interface GlossaryBook {
  slug: string;
  title: string;
  sections: { id: string; text: string }[];
}

export class GlossaryError extends Error {
  name = 'GlossaryError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems in the glossary:\n${problems.join('\n')}`);
    this.problems = problems;
  }
}

export const glossaryFile = resolve(process.cwd(), 'content', 'glossary.yaml');

export { sentenceCount };

// every spelling of a term that counts as a use: the term itself and its `also`
export const spellings = (t: Pick<GlossaryTerm, 'term' | 'also'>) => [t.term, ...t.also];

// a spelling with a capital letter matches only as written; one in lower case matches any case
export const isCaseSensitive = (spelling: string) => spelling !== spelling.toLowerCase();

// the glossary from its text, or a GlossaryError listing every problem with its line and column
export function parseGlossary(text: string, file: string, book: GlossaryBook[]): GlossaryTerm[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const placeAt = (offset: number): Place => {
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col };
  };
  const at = (node: YamlNode | null | undefined, fallback: number) => placeAt(node?.range?.[0] ?? fallback);
  const problems: string[] = [];
  const problem = (place: Place, message: string) => problems.push(`${where(place)}: ${message}`);

  if (doc.errors.length > 0) {
    for (const e of doc.errors) problem(placeAt(e.pos[0]), `not valid YAML: ${e.message.split('\n')[0]}`);
    throw new GlossaryError(problems);
  }
  if (!isSeq(doc.contents)) {
    problem(at(doc.contents as YamlNode | null, 0), 'the glossary must be a list of terms (each item "- id: …")');
    throw new GlossaryError(problems);
  }

  const chapters = new Map(book.map((c) => [c.slug, c]));
  const terms: GlossaryTerm[] = [];
  const ids = new Map<string, Place>();
  const owners = new Map<string, { id: string; place: Place }>(); // a spelling, lower-cased -> the term that has it

  for (const item of doc.contents.items as YamlNode[]) {
    const start = at(item, 0);
    if (!isMap(item)) {
      problem(start, 'each term must be a map with id, term, definition and chapter');
      continue;
    }
    // each field's value (a field left empty is absent), and its place: the value, else the key
    const raw: Record<string, unknown> = {};
    const places = new Map<string, Place>();
    const keys = new Map<string, Place>();
    for (const pair of item.items) {
      const key = pair.key as YamlNode;
      const name = isScalar(key) ? String(key.value) : '';
      const node = (pair.value as YamlNode | null) ?? null;
      keys.set(name, at(key, 0));
      places.set(name, at(node ?? key, key.range?.[0] ?? 0));
      const value = node && 'toJSON' in node ? node.toJSON() : null;
      if (value !== null && value !== undefined) raw[name] = value;
    }
    const label = typeof raw.id === 'string' ? `term "${raw.id}"` : 'a term';
    const fieldPlace = (name: string) => places.get(name) ?? start;

    // the term's own fields, against the schema; unknown fields first, as they come in the file
    const issues = glossaryTerm.safeParse(raw).error?.issues ?? [];
    const told = new Set<string>();
    for (const issue of [...issues].sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'))) {
      if (issue.code === 'unrecognized_keys') {
        for (const name of issue.keys) problem(keys.get(name) ?? start, `unknown field "${name}" (fields: ${FIELDS.join(', ')})`);
        continue;
      }
      const name = String(issue.path[0]);
      const [place, message] = raw[name] === undefined ? [start, `${label} needs ${name}:`] : [fieldPlace(name), `${label}: ${issue.message}`];
      if (!told.has(message)) problem(place, message);
      told.add(message);
    }

    // what it shares with the other terms and points at in the book, from each field that is valid
    const valid = <K extends keyof typeof termFields>(name: K) => termFields[name].safeParse(raw[name]).data as z.output<(typeof termFields)[K]> | undefined;
    const [id, term, also, not, chapter, section] = [valid('id'), valid('term'), valid('also') ?? [], valid('not') ?? [], valid('chapter'), valid('section')];
    if (id !== undefined) {
      const first = ids.get(id);
      if (first) problem(fieldPlace('id'), `term id "${id}" is used twice (first at line ${first.line})`);
      else ids.set(id, fieldPlace('id'));
    }
    if (chapter !== undefined) {
      const known = chapters.get(chapter);
      if (!known) problem(fieldPlace('chapter'), `${label}: there is no chapter "${chapter}" (chapters: ${[...chapters.keys()].join(', ')})`);
      else if (section !== undefined && !known.sections.some((s) => s.id === section))
        problem(fieldPlace('section'), `${label}: chapter "${chapter}" has no section "${section}" (sections: ${known.sections.map((s) => s.id).join(', ')})`);
    }
    if (term !== undefined && id !== undefined) {
      const fieldOf = (spelling: string) => (spelling === term ? 'term' : also.includes(spelling) ? 'also' : 'not');
      for (const spelling of [term, ...also, ...not]) {
        const owner = owners.get(spelling.toLowerCase());
        if (owner && owner.id !== id)
          problem(fieldPlace(fieldOf(spelling)), `${label}: "${spelling}" already belongs to term "${owner.id}" (line ${owner.place.line}); a phrase can belong to one term only`);
        else if (!owner) owners.set(spelling.toLowerCase(), { id, place: fieldPlace('id') });
      }
    }
    if (issues.length === 0) {
      const t = glossaryTerm.parse(raw);
      terms.push({ id: t.id, term: t.term, also: t.also, not: t.not, definition: t.definition, chapter: t.chapter, section: t.section ?? null, place: start });
    }
  }
  if (problems.length > 0) throw new GlossaryError(problems);
  return terms;
}

export const bookForGlossary = (): GlossaryBook[] => loadBook().map((c) => ({ slug: c.slug, title: c.title, sections: c.sections.map(({ id, text }) => ({ id, text })) }));

let cached: { text: string; terms: GlossaryTerm[] } | null = null;

// content/glossary.yaml, checked against the book; parsed again only when its text changes
export function loadGlossary(path = glossaryFile, book?: GlossaryBook[]): GlossaryTerm[] {
  const text = readFileSync(path, 'utf8');
  if (cached?.text === text && book === undefined && path === glossaryFile) return cached.terms;
  const file = relative(process.cwd(), path) || path;
  const terms = parseGlossary(text, file.startsWith('..') ? path : file, book ?? bookForGlossary());
  if (book === undefined && path === glossaryFile) cached = { text, terms };
  return terms;
}

// --- finding uses in text ---

export interface Use {
  start: number;
  end: number;
  term: GlossaryTerm;
  counts: boolean; // false for one of the term's `not` phrases: no use, and nothing inside it is either
}

const WORD = '[\\p{L}\\p{N}_]';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// a spelling as a pattern: a space or hyphen between words matches any run of spaces and hyphens
const pattern = (spelling: string) =>
  spelling
    .split(/[\s\-‐‑]+/)
    .map(escape)
    .join('[\\s\\u00a0\\-‐‑]+');

export interface Matcher {
  uses(text: string): Use[];
}

// one pass over a text finds every use of every term: whole words, leftmost first, the longest
// spelling where several start at the same place, never overlapping
export function compileMatcher(terms: GlossaryTerm[]): Matcher {
  type Phrase = { text: string; term: GlossaryTerm; counts: boolean };
  const byCase = { sensitive: [] as Phrase[], insensitive: [] as Phrase[] };
  for (const term of terms) {
    for (const text of spellings(term)) byCase[isCaseSensitive(text) ? 'sensitive' : 'insensitive'].push({ text, term, counts: true });
    for (const text of term.not) byCase[isCaseSensitive(text) ? 'sensitive' : 'insensitive'].push({ text, term, counts: false });
  }
  const compile = (list: Phrase[], flags: string) => {
    if (list.length === 0) return null;
    const sorted = [...list].sort((a, b) => b.text.length - a.text.length);
    const regex = new RegExp(`(?<!${WORD})(?:${sorted.map((p) => `(${pattern(p.text)})`).join('|')})(?!${WORD})`, `gu${flags}`);
    return { regex, phrases: sorted };
  };
  const passes = [compile(byCase.sensitive, ''), compile(byCase.insensitive, 'i')].filter((p) => p !== null);
  return {
    uses(text: string): Use[] {
      const found: Use[] = [];
      for (const { regex, phrases } of passes) {
        for (const m of text.matchAll(regex)) {
          const { term, counts } = phrases[m.findIndex((g, i) => i > 0 && g !== undefined) - 1];
          found.push({ start: m.index, end: m.index + m[0].length, term, counts });
        }
      }
      found.sort((a, b) => a.start - b.start || b.end - a.end);
      const uses: Use[] = [];
      for (const use of found) if (uses.length === 0 || use.start >= uses[uses.length - 1].end) uses.push(use);
      return uses;
    },
  };
}
