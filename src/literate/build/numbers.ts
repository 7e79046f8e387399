// "Numbers are never invented": every number in a chapter's prose is printed by a checked cell on
// the same page, appears in the engine code the page quotes, or is a fact of the reference run
// (content/reference/). It reads the book model's prose (src/book/build): the text a reader sees,
// with code, math, tags, attributes and link targets already left out by the tree.
import { codeNumbers } from '../../book/build/code.ts';
import type { Chapter } from '../../book/build/model.ts';

export { codeNumbers };

export interface ProseNumber {
  line: number; // 1-based line in the MDX file
  column: number; // of the text run it sits in
  text: string; // as written: "8,422", "3.3", "62%", "1e-8"
  value: number; // normalised; a percentage as a fraction (62% -> 0.62)
  decimals: number; // the precision written, in decimal places of value (62% -> 2, 1e-8 -> 8)
  percent: boolean;
}

export interface NumberSources {
  region: (file: string, region: string) => string; // the text of an engine region, e.g. ('value.ts', 'backward')
  facts: readonly number[]; // referenceFacts(...)
}

// Numbers the prose may use without a cell, each a fact about the seed article or mathematics.
export const ALLOWLIST: ReadonlyMap<number, string> = new Map([
  [200, 'the seed article describes microgpt.py as "about 200 lines" of Python'],
  [2026, "the seed article and Karpathy's post were published in 2026"],
]);

// a number in prose or output: digits (thousands commas allowed), decimals, exponent, sign, %;
// not glued to a word: GPT-2, UTF-16, U+3000, MT19937, x2, 1st and v3.11.4 are not numbers
const NUMBER = /(?<![\p{L}\p{N}_.]|\p{L}[-+])([-−]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([eE][-+−]?\d+)?(%?)(?![\p{L}\p{N}_]|\.\d)/gu;

// URLs written as text (an autolink's text is its address)
const URL_TEXT = /\b(?:https?:\/\/|www\.)[^\s)>\]]+/g;

export function scanNumbers(text: string, line = 1, column = 1): ProseNumber[] {
  return text.split('\n').flatMap((row, i) =>
    [...row.replace(URL_TEXT, (m) => ' '.repeat(m.length)).matchAll(NUMBER)].map(({ 0: text, 1: sign, 2: int, 3: frac = '', 4: exp = '', 5: pct, index }) => {
      const percent = pct === '%';
      const e = exp ? Number(exp.slice(1).replace('−', '-')) : 0;
      const value = Number(`${sign ? '-' : ''}${int.replace(/,/g, '')}${frac}e${e - (percent ? 2 : 0)}`);
      return { line: line + i, column: (i === 0 ? column : 1) + index, text, value, decimals: Math.max(0, (frac ? frac.length - 1 : 0) - e) + (percent ? 2 : 0), percent };
    }),
  );
}

// every number written in the chapter's prose, with its line
export function proseNumbers(chapter: Chapter): ProseNumber[] {
  return chapter.prose.flatMap((p) => scanNumbers(p.value, p.place.line, p.place.column));
}

// every number the page can back: its output blocks, its cells' code (hidden setup included), the
// engine regions it quotes, and the reference facts
export function supportedNumbers(chapter: Chapter, sources: NumberSources): number[] {
  const numbers = [...sources.facts];
  for (const output of chapter.outputs) numbers.push(...scanNumbers(output).map((n) => n.value));
  for (const cell of chapter.cells) numbers.push(...codeNumbers(cell.setup), ...codeNumbers(cell.code));
  for (const quote of chapter.quotes) numbers.push(...codeNumbers(sources.region(`${quote.module}.ts`, quote.region)));
  return numbers;
}

// a prose number is backed when a supported number rounds to it at the precision it is written
export function isBacked(n: ProseNumber, supported: readonly number[]): boolean {
  const integer = n.decimals === 0 && !n.percent;
  if (integer && n.value >= 0 && n.value <= 10) return true; // small counts: "two children", "4 heads"
  if (integer && ALLOWLIST.has(n.value)) return true;
  const tolerance = 0.5 * 10 ** -n.decimals + 4 * Number.EPSILON * Math.abs(n.value); // rounding, then float error
  return supported.some((s) => Math.abs(s - n.value) <= tolerance);
}

// The reference run's facts, from content/reference/: files maps a file name
// (microgpt-default.json, microgpt-names.txt, ...) to its text.
export function referenceFacts(files: Readonly<Record<string, string>>): number[] {
  const facts: number[] = [];
  for (const [name, text] of Object.entries(files)) {
    if (name.endsWith('.json')) {
      const run = JSON.parse(text) as { config: Record<string, unknown>; num_docs: number; uchars: string; losses: number[] };
      const vocab = [...run.uchars].length;
      // the first and last loss only: a thousand losses would back almost any number near 2 or 3
      facts.push(...Object.values(run.config).filter((v): v is number => typeof v === 'number'), run.num_docs, vocab, vocab + 1, run.losses[0], run.losses.at(-1)!);
    } else if (name.endsWith('.txt')) {
      const lines = text.split('\n');
      const firstStep = lines.findIndex((l) => /^step\b/.test(l));
      // the header ("num docs: 8422", "vocab size: 28", "num params: 4224"), then the first and last printed loss
      for (const header of lines.slice(0, firstStep === -1 ? lines.length : firstStep)) facts.push(...scanNumbers(header).map((n) => n.value));
      const losses = lines.flatMap((line) => /\| loss (-?[\d.]+)\s*$/.exec(line)?.[1] ?? []).map(Number);
      if (losses.length > 0) facts.push(losses[0], losses.at(-1)!);
    }
  }
  return facts;
}

// "content/chapters/x.mdx:LINE:COLUMN: ..." for every prose number the page does not back
export function checkChapterNumbers(chapter: Chapter, deps: NumberSources): string[] {
  const supported = supportedNumbers(chapter, deps);
  return proseNumbers(chapter)
    .filter((n) => !isBacked(n, supported))
    .map((n) => `${chapter.file}:${n.line}:${n.column}: the number ${n.text} is not printed by a cell on this page, in the engine code it quotes, nor in the reference`);
}
