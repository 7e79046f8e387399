// npm run check:porting [-- <chapter file>]: each chapter's prose words, how many of them are
// porting prose (./share.ts says how a block is counted) and the share; the main chapters (all but
// the appendix) together must stay under MAX_SHARE. With a file name, lists that file's porting blocks.
import { readFileSync } from 'node:fs';
import { loadBook } from './book.ts';
import { chapterPortingShare } from './porting.ts';

export const APPENDIX = 'matching-python';
export const MAX_SHARE = 0.05;

export function bookPortingShares() {
  return loadBook().map((c) => ({ slug: c.slug, file: c.file, ...chapterPortingShare(readFileSync(c.file, 'utf8'), c.file) }));
}

if (import.meta.main) {
  const only = process.argv[2];
  const shares = bookPortingShares();
  const pct = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;
  for (const s of shares) {
    console.log(`${s.slug.padEnd(18)} ${String(s.words).padStart(6)} words ${String(s.portingWords).padStart(5)} porting ${pct(s.portingWords, s.words).padStart(6)}`);
    if (only && s.file.endsWith(only)) for (const b of s.blocks) console.log(`    ${s.file}:${b.line}: ${b.text.slice(0, 140)}`);
  }
  const main = shares.filter((s) => s.slug !== APPENDIX);
  const words = main.reduce((n, s) => n + s.words, 0);
  const porting = main.reduce((n, s) => n + s.portingWords, 0);
  console.log(`main chapters: ${porting} of ${words} prose words are porting prose (${pct(porting, words)}; at most ${MAX_SHARE * 100}%)`);
  if (porting / words >= MAX_SHARE) process.exitCode = 1;
}
