import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { ALLOWLIST, checkChapterNumbers, isBacked, proseNumbers, referenceFacts, scanNumbers, supportedNumbers } from './numbers.ts';
import type { NumberSources, ProseNumber } from './numbers.ts';
import { parseChapter } from '../../book/build/book.ts';

const chapter = (mdx: string) => parseChapter('x', mdx);

const fence = '```';
const one = (text: string): ProseNumber => {
  const found = scanNumbers(text);
  assert.equal(found.length, 1, `one number in ${JSON.stringify(text)}: ${found.map((n) => n.text)}`);
  return found[0];
};
const noSources: NumberSources = { region: () => '', facts: [] };

test('proseNumbers finds the numbers of the prose, with their lines, and skips everything else', () => {
  const mdx = [
    '---', // 1
    'title: "Chapter 12"', // 2: not one of the prose fields
    'description: "Trains on 8,422 names."', // 3
    'order: 14', // 4
    'summary: "Loss falls to 2.1."', // 5
    'objectives:', // 6
    '  - "Count 27 characters."', // 7
    '---', // 8
    "import Source from '../x.astro';", // 9
    'import {', // 10
    '  A113,', // 11
    "} from '../y.ts';", // 12
    '', // 13
    '## Step 21 of 1000', // 14
    'GPT-2, UTF-16, U+3000, MT19937, x2, 1st, microgpt.py and v3.11.4 are words; `const n = 99;` is code; $2^{26} = 67108864$ is math.', // 15
    '<Figure steps={500} label="9999" /> and <a href="https://example.com/1234">a link</a> and [text](https://x.org/555) and https://y.org/777 hold none.', // 16
    `${fence}ts cell id=a`, // 17
    'console.log(31);', // 18
    fence, // 19
    '$$', // 20
    'x = 33', // 21
    '$$', // 22
    '- a list item with 4,224 parameters and a range 16-32', // 23
    '<details class="check">', // 24
    '<summary>Why 35?</summary>', // 25
    '<Big', // 26
    '  value={[36, 37]}', // 27
    '/>', // 28
    "It is -0.5, −2.5, 1e-8, 62% and 3.3. {/* don't count 38 */}", // 29
    '', // 30
    '</details>', // 31
    '', // 32
    '````md', // 33
    '```ts cell id=inner', // 34: a fence inside a longer fence is code
    'console.log(41)', // 35
    '```', // 36
    '````', // 37
    'See https://y.org/888 and 2 < 3 is written with a character reference: 2 &lt; 39, then 40.', // 38
  ].join('\n');
  assert.deepEqual(
    proseNumbers(chapter(mdx)).map((n) => [n.line, n.text]),
    [
      [3, '8,422'],
      [5, '2.1'],
      [7, '27'],
      [14, '21'],
      [14, '1000'],
      [23, '4,224'],
      [23, '16'],
      [23, '32'],
      [25, '35'],
      [29, '-0.5'],
      [29, '−2.5'],
      [29, '1e-8'],
      [29, '62%'],
      [29, '3.3'],
      [38, '2'],
      [38, '3'],
      [38, '2'],
      [38, '39'],
      [38, '40'],
    ],
  );
});

test('numbers are normalised: thousands commas, exponents, minus signs and percentages', () => {
  assert.equal(one('8,422 names').value, 8422);
  assert.equal(one('32,033').value, 32033);
  assert.equal(one('eps 1e-8').value, 0.00000001);
  assert.equal(one('eps 1e-8').decimals, 8);
  assert.equal(one('a −0.25 gradient').value, -0.25);
  const pct = one('about 62% of it');
  assert.deepEqual([pct.value, pct.decimals, pct.percent], [0.62, 2, true]);
  assert.equal(one('1.50 exactly').decimals, 2);
});

test('a prose number is backed when a supported number rounds to it at the precision it is written', () => {
  assert.ok(isBacked(one('3.3'), [3.2958]));
  assert.ok(!isBacked(one('3.4'), [3.2958]));
  assert.ok(isBacked(one('2.1'), [2.1095]));
  assert.ok(!isBacked(one('2.11'), [2.1]));
  assert.ok(isBacked(one('3.2958'), [3.2958]));
  assert.ok(!isBacked(one('3.2959'), [3.2958]));
  assert.ok(isBacked(one('8,422'), [8422]));
  assert.ok(isBacked(one('0.00000001'), [1e-8]));
  assert.ok(isBacked(one('1e-8'), [0.00000001]));
  assert.ok(!isBacked(one('1e-8'), [2e-8]));
  assert.ok(!isBacked(one('0.5'), [-0.5]), 'the sign counts');
});

test('percentages are backed by the fraction or the percentage printed', () => {
  const printed = scanNumbers('share: 62.13%').map((n) => n.value);
  assert.ok(isBacked(one('62%'), [0.6213]));
  assert.ok(isBacked(one('62%'), printed));
  assert.ok(isBacked(one('62.1%'), [0.6213]));
  assert.ok(!isBacked(one('63%'), [0.6213]));
  assert.ok(!isBacked(one('62%'), [62]), 'a printed 62 is not 62%');
});

test('small counts and the allowlist need no backing; nothing else does without it', () => {
  for (const n of ['0', '4', '10']) assert.ok(isBacked(one(`${n} heads`), []));
  for (const n of ['11', '2.5', '-1', '5%', '1000']) assert.ok(!isBacked(one(`${n} heads`), []), n);
  assert.ok(ALLOWLIST.size <= 3, 'the allowlist stays tiny');
  for (const [value, reason] of ALLOWLIST) {
    assert.ok(isBacked(one(String(value)), []));
    assert.ok(reason.length > 10);
  }
});

test('supportedNumbers reads output blocks, cell code with its hidden setup, quoted regions and facts, not comments', () => {
  const mdx = [
    `${fence}ts cell id=a`,
    'const hidden = 4096;',
    '// ---',
    'console.log(hidden + 0x10); // 777 in a comment',
    fence,
    '',
    `${fence}output`,
    'loss 3.2958 | share 62.13% | 1,024 rows',
    fence,
    '',
    `${fence}python`,
    'print(8888)',
    fence,
    '',
    'Text 5555 and <Source file="value.ts" region="backward" />',
  ].join('\n');
  const regions: string[] = [];
  const sources: NumberSources = {
    region: (file, region) => {
      regions.push(`${file}#${region}`);
      return 'const K = 6_000; /* 666 */';
    },
    facts: [42],
  };
  const supported = supportedNumbers(chapter(mdx), sources);
  assert.deepEqual(regions, ['value.ts#backward']);
  for (const n of [4096, 16, 3.2958, 0.6213, 1024, 6000, 42]) assert.ok(supported.includes(n), `${n} in ${supported}`);
  for (const n of [777, 666, 8888, 5555]) assert.ok(!supported.includes(n), `${n} not in ${supported}`);
});

test('referenceFacts has the config, the counts and the printed losses, but not the step numbers', () => {
  const json = JSON.stringify({ config: { seed: 42, n_embd: 16, eps_adam: 1e-8, learning_rate: 0.01 }, num_docs: 8422, uchars: '-abc', losses: [3.461323, 2.109512] });
  const txt = ['num docs: 8422', 'vocab size: 5', 'num params: 4224', 'step  500 / 1000 | loss 3.4613', 'step 1000 / 1000 | loss 2.1095', '', 'sample  1: lore'].join('\n');
  const facts = referenceFacts({ 'microgpt-default.json': json, 'microgpt-default.txt': txt });
  for (const n of [42, 16, 1e-8, 0.01, 8422, 4, 5, 4224, 3.4613, 2.1095]) assert.ok(facts.includes(n), `${n} in ${facts}`);
  assert.ok(!facts.includes(500), 'step numbers are not facts');
  // the committed copies
  const dir = resolve(import.meta.dirname, '..', '..', '..', 'content', 'reference');
  const names = ['microgpt-default.json', 'microgpt-default.txt', 'microgpt-names.json', 'microgpt-names.txt'];
  const real = referenceFacts(Object.fromEntries(names.map((n) => [n, readFileSync(resolve(dir, n), 'utf8')])));
  for (const n of [8422, 32033, 27, 28, 4224, 4192, 1000, 0.85, 0.99, 1e-8, 0.08, 0.5, 20, 3.4613, 2.1095]) assert.ok(real.includes(n), `${n} in the reference`);
  assert.ok(!real.includes(999) && !real.includes(500), 'no step numbers');
});

test('checkChapterNumbers reports exactly the unbacked number, with its file and line', () => {
  const mdx = [
    '---',
    'title: "T"',
    'description: "A run of 1000 steps."',
    '---',
    '',
    'The loss starts near 3.5, falls to 2.1 and the model has 4,224 parameters.',
    '',
    `${fence}ts cell id=run`,
    'console.log(4224, 3.4613);',
    fence,
    '',
    `${fence}output`,
    '4224 3.4613',
    fence,
    '',
    'After training it writes 20 names, and 4 heads of 16 values read 137 tokens.',
  ].join('\n');
  const problems = checkChapterNumbers(chapter(mdx), { region: () => '', facts: [1000, 2.1095, 20, 16] });
  assert.deepEqual(problems, ['content/chapters/x.mdx:16:66: the number 137 is not printed by a cell on this page, in the engine code it quotes, nor in the reference']);
  // without the reference: 3.5 and 4,224 are still backed by the cell, 4 is a small count; 1000, 2.1, 20, 16 and 137 are not
  assert.deepEqual(
    checkChapterNumbers(chapter(mdx), noSources).map((p) => `${/^[^:]+:(\d+):/.exec(p)![1]} ${/number (\S+)/.exec(p)![1]}`),
    ['3 1000', '6 2.1', '16 20', '16 16', '16 137'],
  );
});
