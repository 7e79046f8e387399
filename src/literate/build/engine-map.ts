// The engine as the site presents it: each module's measured line count, and which chapter
// sections quote which of its regions.
import { loadBook } from '../../book/build/book.ts';
import type { Quote } from '../../book/build/model.ts';
import { componentModules, countedLines, readEngineFile } from './regions.ts';

export function lineCount(module: string): number {
  return countedLines(readEngineFile(module)).length;
}

// region name -> the chapter sections that quote it, for one module
export function quotesByRegion(module: string): Map<string, Quote[]> {
  const byRegion = new Map<string, Quote[]>();
  for (const quote of loadBook().flatMap((c) => c.quotes)) {
    if (quote.module !== module) continue;
    const list = byRegion.get(quote.region) ?? [];
    if (!list.some((q) => q.chapter === quote.chapter && q.section?.id === quote.section?.id)) list.push(quote);
    byRegion.set(quote.region, list);
  }
  return byRegion;
}

export { componentModules };
