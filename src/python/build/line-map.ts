// The line map (src/python/data/line-map.yaml): each region of the teaching engine and the lines of
// microgpt.py it ports, or why none does. Read and checked at build: a region missing or unknown, a
// range outside the file, or a line of code no region claims stops the build, with the map's line.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'astro/zod';
import { LineCounter, parseDocument } from 'yaml';
import { teachingModules } from '../../literate/build/engine-modules.ts';
import { readEngineFile } from '../../literate/build/regions.ts';
import { type LineRange, formatRange, linesOf, parseRange } from '../shared/lines.ts';
import { type Original, codeLines, lineKind, original } from '../shared/original.ts';

export const lineMapFile = 'src/python/data/line-map.yaml';

export interface Twin {
  module: string; // as the engine names it: "value", "model"
  region: string;
  ranges: LineRange[]; // the lines it ports; empty when none does
  none: string | null; // why no line of microgpt.py does this
  calls: number[]; // where microgpt.py uses what Python does in its place
  line: number; // where the entry sits in the map file
}

export class LineMapError extends Error {
  name = 'LineMapError';
}

const rangeText = z.union([z.number().int(), z.string().regex(/^\d+\s*-\s*\d+$/, 'write a range as first-last, e.g. 41-47')]);
const entry = z.union([
  z.array(rangeText).min(1, 'list at least one line, or say why none ports it: { none: "…" }'),
  z.object({ none: z.string().min(10, 'say why no line of microgpt.py does this'), calls: z.array(z.number().int()).default([]) }).strict(),
]);
const schema = z.record(z.string().regex(/^[\w-]+\.ts$/, 'a module is named by its file, e.g. value.ts'), z.record(z.string(), entry));

// the map's twins in file order, from its text; the shape is checked here, the lines by checkLineMap
export function parseLineMap(text: string, file = lineMapFile): Twin[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) throw new LineMapError(doc.errors.map((e) => `${file}:${e.linePos?.[0].line ?? 1}: ${e.message}`).join('\n'));
  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    throw new LineMapError(parsed.error.issues.map((i) => `${file}:${lineOf(i.path)}: ${i.path.map(String).join('.') || '(the file)'}: ${i.message}`).join('\n'));
  }
  return Object.entries(parsed.data).flatMap(([moduleFile, regions]) =>
    Object.entries(regions).map(([region, value]) => {
      const module = moduleFile.replace(/\.ts$/, '');
      const line = lineOf([moduleFile, region]);
      if (!Array.isArray(value)) return { module, region, ranges: [], none: value.none, calls: value.calls, line };
      const ranges = value.map((r) => parseRange(String(r))!);
      return { module, region, ranges, none: null, calls: [], line };
    }),
  );
}

// every region of the teaching engine, by module
export function engineRegions(): Map<string, string[]> {
  return new Map(teachingModules.map((m) => [m, [...readEngineFile(m).regions.keys()]]));
}

// what is wrong with a map, each problem with its place in the map file; [] when nothing is
export function checkLineMap(twins: readonly Twin[], regions: Map<string, string[]>, o: Original = original, file = lineMapFile): string[] {
  const problems: string[] = [];
  const at = (t: Twin, message: string) => problems.push(`${file}:${t.line}: ${t.module}.ts ${t.region}: ${message}`);
  const seen = new Set<string>();
  for (const t of twins) {
    const known = regions.get(t.module);
    if (!known) at(t, `no module ${t.module}.ts in the teaching engine (${[...regions.keys()].map((m) => `${m}.ts`).join(', ')})`);
    else if (!known.includes(t.region)) at(t, `${t.module}.ts has no region "${t.region}" (regions: ${known.join(', ')})`);
    seen.add(`${t.module}#${t.region}`);
    for (const r of t.ranges) {
      if (r.first < 1 || r.last > o.lines || r.last < r.first) at(t, `${formatRange(r)} is not a range of microgpt.py's lines 1–${o.lines}`);
    }
    for (const n of t.calls) if (n < 1 || n > o.lines) at(t, `calls: line ${n} is outside microgpt.py's lines 1–${o.lines}`);
    if (t.ranges.length > 0 && !linesOf(t.ranges).some((n) => n <= o.lines && lineKind(o, n) === 'code')) at(t, `${t.ranges.map(formatRange).join(', ')} holds no line of code`);
  }
  for (const [module, names] of regions) {
    for (const region of names) if (!seen.has(`${module}#${region}`)) problems.push(`${file}: ${module}.ts ${region}: the region is not in the map (list its lines, or say why none ports it)`);
  }
  const claimed = new Set(twins.flatMap((t) => linesOf(t.ranges)));
  const unclaimed = codeLines(o).filter((n) => !claimed.has(n));
  if (unclaimed.length > 0) problems.push(`${file}: microgpt.py's line${unclaimed.length > 1 ? 's' : ''} ${unclaimed.join(', ')} of code ${unclaimed.length > 1 ? 'are' : 'is'} claimed by no region`);
  return problems;
}

// a map file, checked: its twins, or a LineMapError listing every problem
export function readLineMap(file = lineMapFile): Twin[] {
  const twins = parseLineMap(readFileSync(resolve(process.cwd(), file), 'utf8'), file);
  const problems = checkLineMap(twins, engineRegions(), original, file);
  if (problems.length > 0) throw new LineMapError(`the line map from the engine to microgpt.py is broken:\n${problems.join('\n')}`);
  return twins;
}

let cached: Twin[] | null = null;

// the project's map, read and checked once per process
export function loadLineMap(): Twin[] {
  cached ??= readLineMap();
  return cached;
}

// a region's twin in microgpt.py; the build stops on a region the map does not have
export function twinOf(module: string, region: string): Twin {
  const twin = loadLineMap().find((t) => t.module === module && t.region === region);
  if (!twin) throw new LineMapError(`${lineMapFile}: ${module}.ts ${region}: the region is not in the map`);
  return twin;
}
