// Python coverage, for npm run check:literate: how many of microgpt.py's lines of code the line map
// gives to a region of the engine (the goal is all), and the regions no line of it ports.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { linesOf } from '../shared/lines.ts';
import { type Original, codeLines, original } from '../shared/original.ts';
import { type Twin, checkLineMap, engineRegions, lineMapFile, parseLineMap } from './line-map.ts';

export interface PythonCoverage {
  claimed: number; // lines of code some region ports
  total: number; // lines of code in microgpt.py
  unclaimed: number[];
  noTwin: Twin[]; // regions that port no line, each with the reason
}

export function pythonCoverage(twins: readonly Twin[], o: Original = original): PythonCoverage {
  const ported = new Set(twins.flatMap((t) => linesOf(t.ranges)));
  const code = codeLines(o);
  const unclaimed = code.filter((n) => !ported.has(n));
  return { claimed: code.length - unclaimed.length, total: code.length, unclaimed, noTwin: twins.filter((t) => t.none !== null) };
}

// the report's lines, and whether the map is whole and sound
export function pythonCoverageReport(): { lines: string[]; ok: boolean } {
  let twins: Twin[];
  try {
    twins = parseLineMap(readFileSync(resolve(process.cwd(), lineMapFile), 'utf8'));
  } catch (error) {
    return { lines: [String((error as Error).message)], ok: false };
  }
  const problems = checkLineMap(twins, engineRegions());
  const { claimed, total, noTwin } = pythonCoverage(twins);
  const lines = [
    ...problems,
    `python coverage: ${claimed} of microgpt.py's ${total} lines of code ported by a region of the engine (${((100 * claimed) / total).toFixed(1)}%); ${noTwin.length} regions port no line of it (Python does their work itself)`,
  ];
  return { lines, ok: problems.length === 0 };
}
