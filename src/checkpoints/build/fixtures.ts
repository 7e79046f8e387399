// Chapters with checkpoints, for tests: one of each kind, each the YAML given, around a cell.
const f = '```';

export const checkpoint = (id: string, ...yaml: string[]) => [`<Checkpoint id="${id}">`, '', `${f}yaml`, ...yaml, f, '', '</Checkpoint>', ''];

export const chapterWith = (...body: string[]) =>
  ['---', 'title: "Checked"', 'order: 3', 'summary: "A chapter with checkpoints."', '---', '', "import Checkpoint from '../../src/checkpoints/Checkpoint.astro';", '', ...body].join('\n');

export const vocabCell = (printed = "console.log('vocab size:', new Tokenizer(['ana', 'bob']).vocabSize);") => [
  `${f}ts cell id=vocab`,
  "import { Tokenizer } from '@microgpt/engine';",
  printed,
  f,
  '',
  `${f}output`,
  'vocab size: 5',
  f,
  '',
];

// the five kinds, each tied to what it checks: the cell above, engine code, a quoted region
export const allKinds = chapterWith(
  '## Questions',
  '',
  ...vocabCell(),
  ...checkpoint(
    'predict-size',
    'kind: predict',
    'question: "What does `vocab` print?"',
    'cell: vocab',
    'answer: num(lines[0])',
    'expect: 5',
    'why: "Four letters and BOS."',
    'mistakes:',
    '  - value: 4',
    '    why: "BOS counts too."',
  ),
  ...checkpoint(
    'numeric-bos',
    'kind: numeric',
    'question: "BOS id?"',
    'code: |',
    "  import { Tokenizer } from '@microgpt/engine';",
    "  console.log(new Tokenizer(['ana', 'bob']).BOS);",
    'tolerance: 0.5',
    'expect: 4',
  ),
  ...checkpoint(
    'choice-size',
    'kind: choice',
    'question: "How big?"',
    'cell: vocab',
    'answer: String(num())',
    'choices:',
    '  - text: "5, four letters and BOS"',
    '    value: 5',
    '    correct: true',
    '    why: "Right."',
    '  - text: "4"',
    '    why: "BOS is a token too."',
  ),
  ...checkpoint(
    'line-bos',
    'kind: line',
    'question: "Which line gives BOS its id?"',
    'file: tokenizer.ts',
    'region: tokenizer',
    'line: "this.BOS = this.uchars.length;"',
    'wrong:',
    '  - line: "readonly BOS: number;"',
    '    why: "A declaration."',
  ),
  ...checkpoint('order-steps', 'kind: order', 'question: "In order"', 'steps:', '  - one', '  - two', '  - three'),
);
