// The dataset figure's model: read a file's bytes the way the command line does, summarise the
// documents, and render the summary as HTML (at build for the default dataset, in the page for a
// file or URL the reader loads). Everything from the file is escaped before it reaches the page.
import { DatasetError, decodeText, loadDocs } from '../../../engine/src/dataset.ts';
import { Random } from '../../../engine/src/random.ts';
import { Tokenizer } from '../../../engine/src/tokenizer.ts';

export const MAX_BYTES = 10 * 1024 * 1024;
const SHOWN_LENGTHS = 20; // longer documents share one row
const SHOWN_CHARS = 30; // the rest are counted, not listed

export function readDataset(bytes: Uint8Array, name: string): string[] {
  if (bytes.length > MAX_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    throw new DatasetError(`${name} is ${mb} MB; the page reads files up to ${MAX_BYTES / 1024 / 1024} MB (for larger ones: npm run train -- --data FILE)`);
  }
  return loadDocs(decodeText(bytes, name), name);
}

export interface DatasetStats {
  source: string;
  numDocs: number;
  vocabSize: number;
  chars: { ch: string; count: number }[]; // most frequent first
  lengths: { length: string; count: number }[];
  longest: number;
  cut: number; // documents longer than the block size allows a whole pass over
  blockSize: number;
  shuffledHead: string[];
}

export function datasetStats(docs: string[], source: string, blockSize = 16, seed = 42): DatasetStats {
  const counts = new Map<string, number>();
  const byLength = new Map<number, number>();
  for (const doc of docs) {
    const chars = [...doc];
    for (const ch of chars) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    byLength.set(chars.length, (byLength.get(chars.length) ?? 0) + 1);
  }
  const longest = Math.max(...byLength.keys());
  const lengths = [...byLength]
    .filter(([n]) => n <= SHOWN_LENGTHS)
    .sort((a, b) => a[0] - b[0])
    .map(([n, count]) => ({ length: String(n), count }));
  const longer = [...byLength].filter(([n]) => n > SHOWN_LENGTHS).reduce((s, [, c]) => s + c, 0);
  if (longer > 0) lengths.push({ length: `over ${SHOWN_LENGTHS}`, count: longer });
  // a document of n characters is n + 1 predictions (BOS, chars, BOS); training takes blockSize
  const cut = [...byLength].filter(([n]) => n + 1 > blockSize).reduce((s, [, c]) => s + c, 0);
  const shuffled = docs.slice();
  new Random(seed).shuffle(shuffled);
  return {
    source,
    numDocs: docs.length,
    vocabSize: new Tokenizer(docs).vocabSize,
    chars: [...counts].map(([ch, count]) => ({ ch, count })).sort((a, b) => b.count - a.count || (a.ch < b.ch ? -1 : 1)),
    lengths,
    longest,
    cut,
    blockSize,
    shuffledHead: shuffled.slice(0, 8),
  };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const number = (n: number) => n.toLocaleString('en-US');
const shown = (ch: string) => (ch === ' ' ? 'space' : /\s/.test(ch) ? JSON.stringify(ch) : ch);

function bars(rows: { label: string; count: number }[], caption: string, head: string, unit: string): string {
  const max = Math.max(...rows.map((r) => r.count));
  const body = rows
    .map((r) => `<tr><th scope="row">${escapeHtml(r.label)}</th><td class="p">${number(r.count)}</td><td class="bar-cell"><span class="bar" style="--p: ${r.count / max}"></span></td></tr>`)
    .join('');
  return `<table class="bars"><caption>${caption}</caption><thead><tr><th scope="col">${head}</th><th scope="col">${unit}</th><th scope="col"><span class="sr-only">bar</span></th></tr></thead><tbody>${body}</tbody></table>`;
}

// one column per character, as tall as its count; the count is read out, not drawn
function columns(rows: { label: string; count: number }[], caption: string): string {
  const max = Math.max(...rows.map((r) => r.count));
  const items = rows
    .map((r) => `<li><span class="column" style="--p: ${r.count / max}"></span><span class="ch">${escapeHtml(r.label)}</span><span class="sr-only">: ${number(r.count)} times</span></li>`)
    .join('');
  return `<div class="char-chart"><p class="chart-caption">${caption}</p><ol class="char-columns">${items}</ol></div>`;
}

export function renderStats(s: DatasetStats): string {
  const moreChars = s.chars.length - SHOWN_CHARS;
  const charRows = s.chars.slice(0, SHOWN_CHARS).map((c) => ({ label: shown(c.ch), count: c.count }));
  return [
    `<p class="dataset-source">Showing <strong>${escapeHtml(s.source)}</strong>.</p>`,
    '<dl class="dataset-summary">',
    `<div><dt>documents</dt><dd data-stat="docs">${number(s.numDocs)}</dd></div>`,
    `<div><dt>different characters</dt><dd data-stat="chars">${number(s.chars.length)}</dd></div>`,
    `<div><dt>vocab size (with BOS)</dt><dd data-stat="vocab">${number(s.vocabSize)}</dd></div>`,
    `<div><dt>longest document</dt><dd data-stat="longest">${number(s.longest)} characters</dd></div>`,
    `<div><dt>cut short by the block size (${s.blockSize})</dt><dd data-stat="cut">${number(s.cut)}</dd></div>`,
    '</dl>',
    `<p class="dataset-head">First documents after the shuffle with seed 42: ${s.shuffledHead.map((d) => `<q>${escapeHtml(d)}</q>`).join(', ')}</p>`,
    '<div class="dataset-charts">',
    bars(
      s.lengths.map((l) => ({ label: l.length, count: l.count })),
      'Documents by length, in characters',
      'length',
      'documents',
    ),
    columns(charRows, moreChars > 0 ? `The ${SHOWN_CHARS} most frequent of ${number(s.chars.length)} characters` : 'Characters, most frequent first'),
    '</div>',
  ].join('');
}
