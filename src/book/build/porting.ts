// How much of a chapter's prose is about matching Python's bits rather than about how a GPT works.
// A block of prose (a paragraph, heading, list item's paragraph or table cell) counts as porting
// prose when it names one of the porting topics below; its words are counted in full. The share
// is porting words over all prose words (code, math and output blocks are not prose).
// npm run check:porting prints every chapter's share.
import type { Root, RootContent } from 'mdast';
import { parseChapterText } from './parse.ts';

// the topics of the "Matching Python exactly" appendix: the bit-exact arithmetic (libm,
// double-double, units in the last place), Python's generator (Mersenne Twister, randbelow,
// getrandbits), how Python reads and prints text and numbers (BOM, UTF-16 order, round-half-even)
export const PORTING = new RegExp(
  [
    'Mersenne',
    'MT19937',
    'randbelow',
    'getrandbits',
    'genrand',
    'libm',
    'fdlibm',
    'double-double',
    '\\bulps?\\b',
    'units? in the last place',
    'last bit',
    'bit for bit',
    'bit-for-bit',
    'to the bit',
    '\\bBOM\\b',
    'byte order mark',
    'UTF-16',
    'surrogate',
    'code unit',
    'half[- ]to[- ]even',
    'half-even',
    'banker',
    '\\brepr\\b',
    'localeCompare',
    'correctly rounded',
  ].join('|'),
  'i',
);

export interface PortingShare {
  words: number;
  portingWords: number;
  blocks: { text: string; line: number }[]; // the porting blocks, for a reader checking the count
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const SKIP = new Set(['code', 'math', 'mdxjsEsm', 'mdxFlowExpression', 'yaml']);

// a block's text as the reader sees it, inline code included (it names `randbelow` and the like)
function textOf(node: RootContent): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'inlineMath' || node.type === 'mdxTextExpression') return '';
  return 'children' in node ? node.children.map((c) => textOf(c as RootContent)).join('') : '';
}

export function portingShare(tree: Root): PortingShare {
  const share: PortingShare = { words: 0, portingWords: 0, blocks: [] };
  const visit = (node: RootContent) => {
    if (SKIP.has(node.type)) return;
    if (BLOCKS.has(node.type)) {
      const text = textOf(node).replace(/\s+/g, ' ').trim();
      const words = text.match(/\S+/g)?.length ?? 0;
      share.words += words;
      if (PORTING.test(text)) {
        share.portingWords += words;
        share.blocks.push({ text, line: node.position?.start.line ?? 0 });
      }
      return;
    }
    if ('children' in node) for (const c of node.children) visit(c as RootContent);
  };
  for (const c of tree.children) visit(c);
  return share;
}

export const chapterPortingShare = (text: string, file: string) => portingShare(parseChapterText(text, file));
