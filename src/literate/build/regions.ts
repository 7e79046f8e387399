// Named regions of the engine's source files: `// #region name` ... `// #endregion name`.
// Chapters quote regions; the engine pages list them; check:literate counts what is quoted.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { componentModules as modules, modulePath } from './engine-modules.ts';

// paths from the project root: Astro and the npm scripts run there (bundled code has no stable dirname)
export const engineFilePath = (module: string): string => resolve(process.cwd(), modulePath(module));

// the modules whose every line the book explains (cli.ts and index.ts are plumbing)
export function componentModules(): string[] {
  return [...modules];
}

export interface Region {
  name: string;
  start: number; // first line inside the region, 1-based
  end: number; // last line inside the region
}

const REGION = /^\s*\/\/ #region (\S+)\s*$/;
const END_REGION = /^\s*\/\/ #endregion(?: (\S+))?\s*$/;

export function isMarker(line: string): boolean {
  return REGION.test(line) || END_REGION.test(line);
}

export function parseRegions(source: string, file = 'source'): Map<string, Region> {
  const lines = source.split('\n');
  const regions = new Map<string, Region>();
  const open: { name: string; start: number }[] = [];
  lines.forEach((line, i) => {
    const begin = REGION.exec(line);
    if (begin) {
      if (regions.has(begin[1]) || open.some((r) => r.name === begin[1])) throw new Error(`${file}:${i + 1}: region "${begin[1]}" is defined twice`);
      open.push({ name: begin[1], start: i + 2 });
      return;
    }
    const end = END_REGION.exec(line);
    if (end) {
      const region = open.pop();
      if (!region) throw new Error(`${file}:${i + 1}: #endregion without a #region`);
      if (end[1] && end[1] !== region.name) throw new Error(`${file}:${i + 1}: #endregion ${end[1]} closes region "${region.name}"`);
      regions.set(region.name, { name: region.name, start: region.start, end: i });
    }
  });
  if (open.length > 0) throw new Error(`${file}: region "${open[open.length - 1].name}" is never closed`);
  return regions;
}

export interface EngineFile {
  module: string;
  path: string; // as shown to readers: engine/src/<module>.ts, or engine/fast/<module>.ts
  lines: string[];
  regions: Map<string, Region>;
}

export function readEngineFile(module: string): EngineFile {
  const path = modulePath(module);
  const text = readFileSync(engineFilePath(module), 'utf8');
  return { module, path, lines: text.replace(/\n$/, '').split('\n'), regions: parseRegions(text, path) };
}

// lines that count as code: not blank, not a region marker
export function countedLines(file: EngineFile): number[] {
  return file.lines.flatMap((line, i) => (line.trim() === '' || isMarker(line) ? [] : [i + 1]));
}

// the lines of a region to show: its lines without nested markers, each with its real number
export function regionLines(file: EngineFile, name: string): { number: number; text: string }[] {
  const region = file.regions.get(name);
  if (!region) throw new Error(`${file.path} has no region "${name}"`);
  const shown: { number: number; text: string }[] = [];
  for (let n = region.start; n <= region.end; n++) if (!isMarker(file.lines[n - 1])) shown.push({ number: n, text: file.lines[n - 1] });
  return shown;
}
