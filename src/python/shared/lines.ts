// Line ranges of microgpt.py: how they are written ("L41–L47"), linked (the gist at the pinned
// revision, with the line anchor) and counted. Pure: the build and the page both use it.

export interface LineRange {
  first: number; // 1-based
  last: number; // inclusive
}

// where the pinned revision lives: the gist and the revision id
export interface Pinned {
  gist: string; // owner/id
  revision: string;
}

export const formatRange = ({ first, last }: LineRange): string => (first === last ? `L${first}` : `L${first}–L${last}`);

export const formatRanges = (ranges: readonly LineRange[]): string => ranges.map(formatRange).join(', ');

// the gist's page at the pinned revision, scrolled to and highlighting the range
export function gistUrl(pinned: Pinned, range?: LineRange): string {
  const page = `https://gist.github.com/${pinned.gist}/${pinned.revision}`;
  if (!range) return page;
  return `${page}#file-microgpt-py-L${range.first}${range.last > range.first ? `-L${range.last}` : ''}`;
}

// every line number a list of ranges covers, ascending, each once
export function linesOf(ranges: readonly LineRange[]): number[] {
  const lines = new Set<number>();
  for (const { first, last } of ranges) for (let n = first; n <= last; n++) lines.add(n);
  return [...lines].sort((a, b) => a - b);
}

// the fewest ranges that cover exactly these lines
export function toRanges(lines: Iterable<number>): LineRange[] {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const ranges: LineRange[] = [];
  for (const n of sorted) {
    const last = ranges.at(-1);
    if (last && n === last.last + 1) last.last = n;
    else ranges.push({ first: n, last: n });
  }
  return ranges;
}

// "41-47" or "41" (as the line map writes them) to a range
export function parseRange(text: string): LineRange | null {
  const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(text);
  if (!m) return null;
  const first = Number(m[1]);
  return { first, last: m[2] === undefined ? first : Number(m[2]) };
}
