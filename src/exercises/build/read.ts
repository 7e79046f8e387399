// An exercise, as the chapter writes it: a ```ts exercise block (starter code, hidden setup above
// `// ---`), then its ```ts solution, ```ts checks and ```hints blocks right after it, in any order,
// and a ```ts grading block, found wherever it sits in the chapter's tree.
import type { Code, Nodes, Parent } from 'mdast';
import { blockOptions, type ReadContext, splitSetup } from '../../book/build/blocks.ts';
import { checkNamesIn, freeNames, topLevelNames } from '../../book/build/code.ts';
import { BookError, type Place, type TreeSpot } from '../../book/build/model.ts';

// ```ts exercise id=<id> title="…" [withhold="name …"] (starter code, hidden setup above `// ---`),
// then its ```ts solution, ```ts checks and ```hints blocks as the next siblings, in any order, and
// a ```ts grading block: checks on inputs generated from the grader's seed, never shown in the page.
export interface Exercise {
  chapter: string;
  file: string;
  id: string;
  title: string;
  place: Place;
  line: number;
  setup: string;
  starter: string;
  starterLine: number;
  solution: string;
  solutionLine: number; // first line of the solution's code
  checks: string;
  checksLine: number;
  checkNames: string[]; // as written in check('…', …)
  grading: string; // the grading block's code ('' when there is none)
  gradingLine: number | null;
  provides: string[]; // the names the checks take from the reader's code (free in checks and grading)
  withhold: string[]; // engine exports the reader's code does not get: the answer itself
  hints: string[];
  hintsLine: number; // the hints block's opening fence
  timeoutMs: number;
  spot: TreeSpot;
}

export const isExercise = (node: Nodes): node is Code => node.type === 'code' && node.lang === 'ts' && /^exercise\b/.test(node.meta ?? '');

const PARTS = ['solution', 'checks', 'hints'] as const; // required
type Part = (typeof PARTS)[number] | 'grading';
function partOf(node: Nodes | undefined): Part | null {
  if (node?.type !== 'code') return null;
  if (node.lang === 'hints') return 'hints';
  if (node.lang === 'ts' && (node.meta === 'solution' || node.meta === 'checks' || node.meta === 'grading')) return node.meta;
  return null;
}

// the exercise whose block is parent.children[index]; its spot says which nodes it takes
export function readExercise(parent: Parent, index: number, node: Code, { slug, file, place }: ReadContext, ids: Set<string>): Exercise {
  const at = place(node);
  // the order of these checks is the order of the messages a malformed exercise gets
  const { options, id, timeoutMs } = blockOptions(at, 'exercise', node.meta ?? '', ['id', 'title', 'timeout', 'withhold'], ids);
  const title = options.title;
  if (typeof title !== 'string' || title.trim() === '') throw new BookError(at, `exercise "${id}" needs title="…"`);
  const parts = new Map<Part, Code>();
  for (let j = index + 1; j < parent.children.length; j++) {
    const sibling = parent.children[j] as Code;
    const part = partOf(sibling);
    if (part === null) break;
    if (parts.has(part)) throw new BookError(place(sibling), `exercise "${id}" has two ${part} blocks`);
    parts.set(part, sibling);
  }
  for (const part of PARTS) if (!parts.has(part)) throw new BookError(at, `exercise "${id}" needs a \`\`\`${part === 'hints' ? 'hints' : `ts ${part}`} block right after it`);
  const [solution, checks, hints] = PARTS.map((p) => parts.get(p)!);
  const hintTexts = hints.value
    .split(/\n\s*\n/)
    .map((h) => h.trim())
    .filter((h) => h !== '');
  if (hintTexts.length === 0) throw new BookError(place(hints), `exercise "${id}" has an empty hints block`);
  const checkNames = checkNamesIn(checks.value);
  if (checkNames.length === 0) throw new BookError(place(checks), `exercise "${id}" has no check('name', () => …) in its checks`);
  const grading = parts.get('grading');
  const { setup, code: starter, hidden } = splitSetup(node.value);
  // the checks run in a scope of their own, after the hidden setup; what they use and do not
  // define there is what they take from the reader's code, which must define it
  const provides = freeNames(`${setup}\n${checks.value}\n${grading?.value ?? ''}`);
  const solutionNames = topLevelNames(solution.value);
  const missing = provides.filter((name) => !solutionNames.includes(name));
  if (missing.length > 0) throw new BookError(place(checks), `exercise "${id}": its checks use ${missing.join(', ')}, which the solution does not define at its top level`);
  const withhold = typeof options.withhold === 'string' ? options.withhold.split(/[\s,]+/).filter((n) => n !== '') : [];
  return {
    chapter: slug,
    file,
    id,
    title,
    place: at,
    line: at.line,
    setup,
    starter,
    starterLine: at.line + 1 + hidden,
    solution: solution.value,
    solutionLine: place(solution).line + 1,
    checks: checks.value,
    checksLine: place(checks).line + 1,
    checkNames,
    grading: grading?.value ?? '',
    gradingLine: grading ? place(grading).line + 1 : null,
    provides,
    withhold,
    hints: hintTexts,
    hintsLine: place(hints).line,
    timeoutMs,
    spot: { parent, nodes: [node, ...parts.values()] },
  };
}
