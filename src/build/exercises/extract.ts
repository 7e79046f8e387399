// Exercises in a chapter: a fenced block ```ts exercise id=<id> title="…" holding the starter code
// (hidden setup above a line `// ---`, as in cells), followed, with only blank lines between, by
// ```ts solution, ```ts checks and ```hints blocks in any order. Hints are separated by blank lines.
import { CellFormatError, type Fence, SETUP_MARKER, blockOptions, fences } from '../cells/extract.ts';

export interface Exercise {
  chapter: string;
  file: string;
  id: string;
  title: string;
  line: number; // the opening fence of the starter code
  setup: string;
  starter: string;
  starterLine: number; // chapter line of the first visible starter line
  solution: string;
  solutionLine: number;
  checks: string;
  checksLine: number;
  checkNames: string[]; // as written in check('…', …), for the page to list before anything runs
  hints: string[];
  hintsLine: number; // the opening fence of the hints block
  timeoutMs: number;
}

// what the page gets of an exercise (src/cells/remark-cells.ts writes it, the page's script reads it)
export type ExercisePageData = Pick<Exercise, 'chapter' | 'id' | 'title' | 'setup' | 'starter' | 'solution' | 'checks' | 'checkNames' | 'hints' | 'timeoutMs'>;

const PARTS = ['solution', 'checks', 'hints'] as const;
type Part = (typeof PARTS)[number];

function partOf(fence: Fence): Part | null {
  if (fence.lang === 'hints') return 'hints';
  if (fence.lang === 'ts' && (fence.meta === 'solution' || fence.meta === 'checks')) return fence.meta;
  return null;
}

export function checkNamesIn(checks: string): string[] {
  return [...checks.matchAll(/\bcheck\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g)].map((m) => m[2].replace(/\\(.)/g, '$1'));
}

export function extractExercises(chapter: string, text: string): Exercise[] {
  const file = `content/chapters/${chapter}.mdx`;
  const lines = text.split('\n');
  const all = fences(text);
  const exercises: Exercise[] = [];
  const ids = new Set<string>();
  all.forEach((fence, k) => {
    if (!(fence.lang === 'ts' && /^exercise\b/.test(fence.meta))) return;
    const where = `${file}:${fence.open}`;
    // the order of these checks is the order of the messages a malformed exercise gets
    const { options, id, timeoutMs: timeout } = blockOptions(where, 'exercise', fence.meta, ['id', 'title', 'timeout'], ids);
    const title = options.title;
    if (typeof title !== 'string' || title.trim() === '') throw new CellFormatError(`${where}: exercise "${id}" needs title="…"`);

    const parts = new Map<Part, Fence>();
    let previous = fence;
    for (let j = k + 1; j < all.length; j++) {
      const part = partOf(all[j]);
      const gap = lines.slice(previous.close, all[j].open - 1);
      if (part === null || !gap.every((l) => l.trim() === '')) break;
      if (parts.has(part)) throw new CellFormatError(`${file}:${all[j].open}: exercise "${id}" has two ${part} blocks`);
      parts.set(part, all[j]);
      previous = all[j];
    }
    for (const part of PARTS) if (!parts.has(part)) throw new CellFormatError(`${where}: exercise "${id}" needs a \`\`\`${part === 'hints' ? 'hints' : `ts ${part}`} block right after it`);

    const marker = fence.body.findIndex((l) => SETUP_MARKER.test(l));
    const checks = parts.get('checks')!;
    const hints = parts
      .get('hints')!
      .body.join('\n')
      .split(/\n\s*\n/)
      .map((h) => h.trim())
      .filter((h) => h !== '');
    if (hints.length === 0) throw new CellFormatError(`${file}:${parts.get('hints')!.open}: exercise "${id}" has an empty hints block`);
    const checkNames = checkNamesIn(checks.body.join('\n'));
    if (checkNames.length === 0) throw new CellFormatError(`${file}:${checks.open}: exercise "${id}" has no check('name', () => …) in its checks`);
    exercises.push({
      chapter,
      file,
      id,
      title,
      line: fence.open,
      setup: marker === -1 ? '' : fence.body.slice(0, marker).join('\n'),
      starter: (marker === -1 ? fence.body : fence.body.slice(marker + 1)).join('\n'),
      starterLine: fence.open + 1 + (marker === -1 ? 0 : marker + 1),
      solution: parts.get('solution')!.body.join('\n'),
      solutionLine: parts.get('solution')!.open + 1,
      checks: checks.body.join('\n'),
      checksLine: checks.open + 1,
      checkNames,
      hints,
      hintsLine: parts.get('hints')!.open,
      timeoutMs: timeout,
    });
  });
  return exercises;
}
