// The engine as the site presents it: each module's measured line count, and which chapter
// sections quote which of its regions.
import type { Quote } from '../../book/build/model.ts';
import { componentModules, countedLines, readEngineFile } from './regions.ts';

export function lineCount(module: string): number {
  return countedLines(readEngineFile(module)).length;
}

// a section that quotes a region: where the engine page links it to
export interface QuotedIn {
  chapter: string;
  chapterTitle: string;
  section: { id: string; text: string } | null;
}

// region name -> the chapter sections that quote it (each once), for one module
export function quotesByRegion(quotes: Quote[], module: string): Record<string, QuotedIn[]> {
  const byRegion: Record<string, QuotedIn[]> = {};
  for (const { module: quoted, region, chapter, chapterTitle, section } of quotes) {
    if (quoted !== module) continue;
    const list = (byRegion[region] ??= []);
    if (!list.some((q) => q.chapter === chapter && q.section?.id === section?.id)) list.push({ chapter, chapterTitle, section });
  }
  return byRegion;
}

export { componentModules };
