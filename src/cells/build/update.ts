// check:cells --update: a cell that printed something other than its book output gets the new
// output written into its chapter, in place of its ```output block (or as a new block right after
// the cell), at the cell's own indentation, so a cell inside a list item or a component stays inside it.
import { readFileSync, writeFileSync } from 'node:fs';
import { diffLines } from '../shared/output.ts';
import type { ChangedOutput } from './check.ts';

// the text before a block on its first line: its indentation, or a container's marker such as "> "
const prefixAt = (text: string, offset: number) => text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);

// an output block for `output`, its lines after the first carrying the prefix
export function outputBlock(output: string, prefix: string): string {
  const longest = Math.max(0, ...[...output.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const continuation = prefix.replace(/\S/g, (c) => (c === '>' ? '>' : ' '));
  const body = output === '' ? [] : output.split('\n').map((l) => (l === '' ? continuation.trimEnd() : continuation + l));
  return [`${fence}output`, ...body, continuation + fence].join('\n');
}

// the chapter's text with each changed cell's output rewritten
export function withOutputs(text: string, changes: ChangedOutput[]): string {
  const edits = changes.map(({ cell, got }) => {
    if (cell.outputSpan) return { start: cell.outputSpan.start, end: cell.outputSpan.end, text: outputBlock(got, prefixAt(text, cell.outputSpan.start)) };
    const prefix = prefixAt(text, cell.span.start);
    const blank = prefix.replace(/\S/g, (c) => (c === '>' ? '>' : ' ')).trimEnd();
    return { start: cell.span.end, end: cell.span.end, text: `\n${blank}\n${prefix.replace(/\S/g, (c) => (c === '>' ? '>' : ' '))}${outputBlock(got, prefix)}` };
  });
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

// writes every change into its chapter file; returns what it did, with a diff per cell
export function updateOutputs(changes: ChangedOutput[]): string[] {
  const byFile = Map.groupBy(changes, (c) => c.cell.file);
  const report: string[] = [];
  for (const [file, list] of byFile) {
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, withOutputs(text, list));
    for (const { cell, got } of list) report.push(`${file}:${cell.line}:${cell.place.column}: cell "${cell.id}": output updated\n${diffLines(cell.expected ?? '', got)}`);
  }
  return report;
}
