// Checks of the built site itself (npm run build first): internal links, and the JavaScript budget.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brokenLinks } from '../scripts/check-links.ts';
import { BUDGET_KB, pageWeights } from '../scripts/size.ts';
import { dist } from './site.ts';

test('no internal link or asset in the built site is broken', () => {
  assert.deepEqual(brokenLinks(dist), []);
});

test(`every chapter page loads at most ${BUDGET_KB} KB of JavaScript (gzip) before interaction`, () => {
  const chapters = pageWeights(dist).filter((w) => w.page.startsWith('/chapters/'));
  assert.equal(chapters.length, 9);
  for (const w of chapters) assert.ok(w.bytes <= BUDGET_KB * 1024, `${w.page}: ${(w.bytes / 1024).toFixed(1)} KB`);
});
