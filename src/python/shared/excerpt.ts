// Lines of a text, as the live view shows them: each range of microgpt.py's lines with their real
// numbers, a gap between ranges. The text is the pinned file (the hash gate let it through).
import type { LineRange } from './lines.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// split as Python counts lines: "\n" ends a line, and a last line without one is still a line
export const splitLines = (text: string): string[] => text.replace(/\n$/, '').split('\n');

export function excerpt(text: string, ranges: readonly LineRange[]): { number: number; text: string }[][] {
  const lines = splitLines(text);
  return ranges.map(({ first, last }) => {
    const shown = [];
    for (let n = first; n <= Math.min(last, lines.length); n++) shown.push({ number: n, text: lines[n - 1] });
    return shown;
  });
}

// one <code> of lines, each with its number, a comment line marked so it can be dimmed
export function excerptHtml(text: string, ranges: readonly LineRange[]): string {
  const width = String(Math.max(...ranges.map((r) => r.last))).length;
  return excerpt(text, ranges)
    .map((group) =>
      group
        .map(({ number, text: line }) => {
          const comment = /^\s*#/.test(line) ? ' comment' : '';
          return `<span class="py-line${comment}" data-line="${number}"><span class="py-number" aria-hidden="true">${String(number).padStart(width)}</span>${escape(line)}</span>`;
        })
        .join('\n'),
    )
    .join('\n<span class="py-gap" aria-hidden="true">⋮</span>\n');
}
