// Chapters for tests: cells and an exercise at the top, in <details>, in a list item and in a component.

const f = '```';
export const chapter = (...body: string[]) => ['---', 'title: "Nested"', 'order: 3', 'summary: "Seven cells in 2 places."', '---', '', ...body].join('\n');

// one cell, its output block after it, each line prefixed (a list item's indentation, say)
export const cell = (id: string, printed: string, prefix = '') =>
  [`${f}ts cell id=${id}`, `console.log(${JSON.stringify(printed)});`, f, '', `${f}output`, printed, f].map((l) => (l === '' ? '' : prefix + l));

export const nested = chapter(
  '## Top',
  '',
  ...cell('top', 'at the top'),
  '',
  '<details class="check">',
  '<summary>A question</summary>',
  '',
  ...cell('in-details', 'inside details'),
  '',
  '</details>',
  '',
  '1. A step in a list:',
  '',
  ...cell('in-list', 'inside a list item', '   '),
  '',
  '<Aside type="tip">',
  '',
  ...cell('in-component', 'inside a component'),
  '',
  `${f}ts exercise id=nested-ex title="An exercise in a component"`,
  'export const two = 1;',
  f,
  '',
  `${f}ts solution`,
  'export const two = 2;',
  f,
  '',
  `${f}ts checks`,
  "import { check, expectEqual } from '@microgpt/check';",
  "check('two is 2', () => expectEqual(two, 2));",
  f,
  '',
  `${f}hints`,
  'One more.',
  f,
  '',
  '</Aside>',
);
