import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APPENDIX, bookPortingShares, MAX_SHARE } from './check-porting.ts';
import { chapterPortingShare } from './porting.ts';

const chapter = (body: string) => `---\ntitle: "T"\n---\n\n${body}\n`;

test('a block that names a porting topic counts in full; code, math and other blocks do not', () => {
  const share = chapterPortingShare(
    chapter(
      [
        'The model learns from names, one per line.',
        'The shuffle draws with `randbelow`, as Python does.',
        '```ts\n// Mersenne Twister in a comment: code, not prose\n```',
        '$$\n\\text{UTF-16}\n$$',
        '- A list item about the byte order mark (BOM).',
        '| a | b |\n| - | - |\n| round half to even | x |',
      ].join('\n\n'),
    ),
    'test.mdx',
  );
  assert.equal(share.words, 8 + 8 + 9 + 2 + 4 + 1); // a table counts each cell: a, b, the row's two
  assert.equal(share.portingWords, 8 + 9 + 4);
  assert.deepEqual(
    share.blocks.map((b) => b.line),
    [7, 17, 21],
  );
});

test('the main chapters spend under 5% of their prose on matching Python (the appendix holds it)', () => {
  const main = bookPortingShares().filter((s) => s.slug !== APPENDIX);
  const words = main.reduce((n, s) => n + s.words, 0);
  const porting = main.reduce((n, s) => n + s.portingWords, 0);
  assert.ok(porting / words < MAX_SHARE, `${porting} of ${words} words (${((100 * porting) / words).toFixed(1)}%); npm run check:porting lists them`);
});
