// What the pages show of the line map: a region's lines of microgpt.py as links, the lines of a
// set of modules counted, and the atlas (each line of the file with the regions and chapter
// sections that explain it).
import { teachingModules } from '../../literate/build/engine-modules.ts';
import type { QuotedIn } from '../../literate/build/engine-map.ts';
import { type LineRange, formatRange, gistUrl, linesOf, toRanges } from '../shared/lines.ts';
import { type LineKind, type Original, lineKind, original } from '../shared/original.ts';
import { type Twin, loadLineMap, twinOf } from './line-map.ts';

export interface Link {
  label: string; // "L41–L47"
  href: string; // the gist at the pinned revision, at those lines
}

export interface TwinView {
  ranges: LineRange[]; // the lines the live view shows: those ported, or where Python is called
  links: Link[]; // the lines ported
  none: string | null; // why no line ports it
  calls: Link[];
}

const link = (range: LineRange, o: Original = original): Link => ({ label: formatRange(range), href: gistUrl(o, range) });

export const isMapped = (module: string): boolean => (teachingModules as readonly string[]).includes(module);

// a region's place in microgpt.py, or null for a module outside the teaching engine (the fast one)
export function twinView(module: string, region: string): TwinView | null {
  if (!isMapped(module)) return null;
  const twin = twinOf(module, region);
  const calls = toRanges(twin.calls);
  return { ranges: twin.none === null ? twin.ranges : calls, links: twin.ranges.map((r) => link(r)), none: twin.none, calls: calls.map((r) => link(r)) };
}

export interface LineCount {
  ranges: LineRange[];
  links: Link[];
  code: number; // lines of code among them
  all: number; // every line among them: code, comments and blank lines inside the ranges
}

// the lines of microgpt.py the regions of these engine modules port, counted
export function moduleLines(modules: readonly string[], twins: readonly Twin[] = loadLineMap(), o: Original = original): LineCount {
  const lines = linesOf(twins.filter((t) => modules.includes(t.module)).flatMap((t) => t.ranges));
  const ranges = toRanges(lines);
  return { ranges, links: ranges.map((r) => link(r, o)), code: lines.filter((n) => lineKind(o, n) === 'code').length, all: lines.length };
}

export interface AtlasLine {
  number: number;
  kind: LineKind;
  regions: { module: string; region: string; sections: { chapter: string; chapterTitle: string; section: { id: string; text: string } | null }[] }[];
}

// every line of microgpt.py with the regions that port it, and where the book explains each (quotes:
// engine module -> region -> the sections that quote it, as the course data holds them)
export function atlas(quotes: Record<string, Record<string, QuotedIn[]>>, twins: readonly Twin[] = loadLineMap(), o: Original = original): AtlasLine[] {
  return Array.from({ length: o.lines }, (_, i) => {
    const number = i + 1;
    const regions = twins
      .filter((t) => linesOf(t.ranges).includes(number))
      .map((t) => ({
        module: t.module,
        region: t.region,
        sections: (quotes[t.module]?.[t.region] ?? []).map((q) => ({ chapter: q.chapter, chapterTitle: q.chapterTitle, section: q.section })),
      }));
    return { number, kind: lineKind(o, number), regions };
  });
}

// the lines of code the given modules port, beside the whole file's
export function pythonTotals(modules: readonly string[], o: Original = original): { code: number; fileCode: number; fileLines: number } {
  return { code: moduleLines(modules).code, fileCode: o.codeLineCount, fileLines: o.lines };
}
