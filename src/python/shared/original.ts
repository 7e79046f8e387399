// Facts about the revision of microgpt.py the engine matches (shared/microgpt-py.json): where it is,
// its SHA-256 and size, and what kind each of its lines is. Never its text.
import facts from './microgpt-py.json' with { type: 'json' };
import type { Pinned } from './lines.ts';

export interface Original extends Pinned {
  rawUrl: string;
  sha256: string;
  bytes: number;
  lines: number;
  docstringLines: number[];
  blankLines: number[];
  commentOnlyLines: number[];
  codeLineCount: number;
  numSteps: { line: number; value: number }; // the setting the page changes to run fewer steps
  fingerprints: { line: number; length: number; hash: string }[]; // the lines over 25 characters
}

export type LineKind = 'docstring' | 'blank' | 'comment' | 'code';

export function readOriginal(data: typeof facts = facts): Original {
  const steps = /line (\d+) sets num_steps = (\d+)/.exec(data.behaviour.numSteps);
  if (!steps) throw new Error(`microgpt-py.json: behaviour.numSteps does not say which line sets num_steps: "${data.behaviour.numSteps}"`);
  return {
    gist: data.gist,
    revision: data.revision,
    rawUrl: data.rawUrl,
    sha256: data.sha256,
    bytes: data.bytes,
    lines: data.lines,
    docstringLines: data.docstringLines,
    blankLines: data.blankLines,
    commentOnlyLines: data.commentOnlyLines,
    codeLineCount: data.codeLineCount,
    numSteps: { line: Number(steps[1]), value: Number(steps[2]) },
    fingerprints: data.lineFingerprints.lines.map(([line, length, hash]) => ({ line: Number(line), length: Number(length), hash: String(hash) })),
  };
}

export const original: Original = readOriginal();

export function lineKind(o: Original, line: number): LineKind {
  if (o.docstringLines.includes(line)) return 'docstring';
  if (o.blankLines.includes(line)) return 'blank';
  if (o.commentOnlyLines.includes(line)) return 'comment';
  return 'code';
}

// the lines that do something: not blank, not a comment, not the docstring
export function codeLines(o: Original): number[] {
  return Array.from({ length: o.lines }, (_, i) => i + 1).filter((n) => lineKind(o, n) === 'code');
}
