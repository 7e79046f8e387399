// "Numbers are never invented": every number in a chapter's prose is printed by a checked cell on
// the same page, appears in the engine code the page quotes, or is a fact of the reference run
// (content/reference/). Pure functions: the caller reads the files and passes their text.
import { quotesIn } from './quotes.ts';

export interface ProseNumber {
  line: number; // 1-based line in the MDX file
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
]);

// a number in prose or output: digits (thousands commas allowed), decimals, exponent, sign, %;
// not glued to a word: GPT-2, UTF-16, U+3000, MT19937, x2, 1st and v3.11.4 are not numbers
const NUMBER = /(?<![\p{L}\p{N}_.]|\p{L}[-+])([-−]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([eE][-+−]?\d+)?(%?)(?![\p{L}\p{N}_]|\.\d)/gu;
// a number in code: 1_000, 0x1f, 2.5e-3
const CODE_NUMBER = /(?<![\p{L}\p{N}_$.])(-?)(0[xX][\da-fA-F]+|\d[\d_]*(?:\.\d+)?(?:[eE][-+]?\d+)?)(?![\p{L}\p{N}_$])/gu;

export function scanNumbers(text: string, line = 1): ProseNumber[] {
  return text.split('\n').flatMap((row, i) =>
    [...row.matchAll(NUMBER)].map(([text, sign, int, frac = '', exp = '', pct]) => {
      const percent = pct === '%';
      const e = exp ? Number(exp.slice(1).replace('−', '-')) : 0;
      const value = Number(`${sign ? '-' : ''}${int.replace(/,/g, '')}${frac}e${e - (percent ? 2 : 0)}`);
      return { line: line + i, text, value, decimals: Math.max(0, (frac ? frac.length - 1 : 0) - e) + (percent ? 2 : 0), percent };
    }),
  );
}

// numbers in code, not in its comments: a comment is prose nobody runs
export function codeNumbers(code: string): number[] {
  const uncommented = code.replace(/\/\*[\s\S]*?\*\/|(?<![:'"`])\/\/.*$/gm, '');
  return [...uncommented.matchAll(CODE_NUMBER)].map(([, sign, n]) => (sign ? -1 : 1) * Number(n.replace(/_/g, '')));
}

interface Fence {
  lang: string;
  meta: string;
  body: string;
}

const blank = (s: string) => s.replace(/[^\n]/g, ' ');
const unquote = (s: string) => s.trim().replace(/^(["'])(.*)\1$/, '$2');

// blank out JSX/HTML tags (attributes included, across lines) and {expressions}, keeping line breaks
function maskTags(text: string): string {
  const out = [...text];
  const skipTo = (start: number, close: string): number => {
    let depth = 0;
    let quote = '';
    for (let i = start + 1; i < out.length; i++) {
      const c = out[i];
      if (quote) quote = c === quote ? '' : quote;
      else if (c === '/' && out[i + 1] === '*') {
        i += 2; // a comment: its quotes are words
        while (i < out.length && !(out[i - 1] === '*' && out[i] === '/')) i++;
      }
      else if (c === '"' || c === "'" || c === '`') quote = c;
      else if (c === '{') depth++;
      else if (c === '}' && depth > 0) depth--;
      else if (c === close && depth === 0) return i;
    }
    return -1; // never closed: not a tag after all
  };
  for (let i = 0; i < out.length; i++) {
    const isTag = out[i] === '<' && /[\p{L}/!>]/u.test(out[i + 1] ?? '');
    if (!isTag && out[i] !== '{') continue;
    const end = skipTo(i, isTag ? '>' : '}');
    if (end === -1) continue;
    for (let k = i; k <= end; k++) if (out[k] !== '\n') out[k] = ' ';
    i = end;
  }
  return out.join('');
}

// The chapter split in two: its prose, with everything that is not prose blanked (lines kept in
// place), and its fenced blocks.
export function splitChapter(mdx: string): { prose: string; fences: Fence[] } {
  const lines = mdx.split('\n');
  const prose = lines.map(() => '');
  const fences: Fence[] = [];
  let i = 0;
  if (lines[0]?.trim() === '---') {
    let list = false;
    for (i = 1; i < lines.length && lines[i].trim() !== '---'; i++) {
      const key = /^(\w+):\s*(.*)$/.exec(lines[i]);
      const item = /^\s+-\s+(.*)$/.exec(lines[i]);
      if (key) list = key[1] === 'objectives';
      if (key && (key[1] === 'description' || key[1] === 'summary')) prose[i] = unquote(key[2]);
      else if (!key && item && list) prose[i] = unquote(item[1]);
    }
    i++;
  }
  let math = false;
  let statement = false; // inside a multi-line import/export
  for (; i < lines.length; i++) {
    const line = lines[i];
    const open = /^ {0,3}(`{3,}|~{3,})\s*([\w-]*)\s*(.*)$/.exec(line);
    if (open && !math) {
      const closes = (l: string) => new RegExp(`^\\s*${open[1][0]}{${open[1].length},}\\s*$`).test(l);
      let j = i + 1;
      while (j < lines.length && !closes(lines[j])) j++;
      fences.push({ lang: open[2], meta: open[3].trim(), body: lines.slice(i + 1, j).join('\n') });
      i = j;
    } else if (/^\s*\$\$/.test(line)) {
      if (!(line.trim().length > 2 && line.trim().endsWith('$$'))) math = !math;
    } else if (math) {
      continue;
    } else if (statement || /^(import|export)\b/.test(line)) {
      statement = !/(['"];?|;)\s*$/.test(line);
    } else prose[i] = line;
  }
  let text = prose.join('\n');
  text = text.replace(/(`+)[\s\S]*?(?<!`)\1(?!`)/g, blank); // inline code
  text = text.replace(/(?<!\\)\$[^$\n]+?\$/g, blank); // inline math
  text = maskTags(text);
  text = text.replace(/\]\([^)]*\)/g, (m) => `]${blank(m.slice(1))}`); // link targets
  text = text.replace(/\b(?:https?:\/\/|www\.)[^\s)>\]]+/g, blank);
  text = text.replace(/&#?\w+;/g, blank); // entities
  return { prose: text, fences };
}

// every number written in the chapter's prose, with its line
export function proseNumbers(mdx: string): ProseNumber[] {
  return scanNumbers(splitChapter(mdx).prose);
}

// every number the page can back: its output blocks, its cells' code (hidden setup included), the
// engine regions it quotes, and the reference facts
export function supportedNumbers(mdx: string, sources: NumberSources): number[] {
  const { fences } = splitChapter(mdx);
  const numbers = [...sources.facts];
  for (const fence of fences) {
    if (fence.lang === 'output') numbers.push(...scanNumbers(fence.body).map((n) => n.value));
    else if (fence.lang === 'ts' && /^cell\b/.test(fence.meta)) numbers.push(...codeNumbers(fence.body));
  }
  for (const quote of quotesIn('', mdx)) numbers.push(...codeNumbers(sources.region(`${quote.module}.ts`, quote.region)));
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

// "content/chapters/x.mdx:LINE: ..." for every prose number the page does not back
export function checkChapterNumbers(file: string, mdx: string, deps: NumberSources): string[] {
  const supported = supportedNumbers(mdx, deps);
  return proseNumbers(mdx)
    .filter((n) => !isBacked(n, supported))
    .map((n) => `${file}:${n.line}: the number ${n.text} is not printed by a cell on this page, in the engine code it quotes, nor in the reference`);
}
