// A chapter's core path: its h2 sections less the deeper ones its frontmatter names (`deeper:`),
// which the page folds (src/site/build/remark-deeper.ts). A section runs from its h2 to the next
// h2; what comes before the first h2 is always on the core path.
import type { Chapter, Section } from './model.ts';

export interface SectionRange {
  section: Section;
  start: number; // the h2's line
  end: number; // the next h2's line (Infinity for the last)
}

export const h2Ranges = (chapter: Chapter): SectionRange[] => {
  const h2s = chapter.sections.filter((s) => s.depth === 2);
  return h2s.map((section, i) => ({ section, start: section.place.line, end: h2s[i + 1]?.place.line ?? Number.POSITIVE_INFINITY }));
};

export const inRange = (range: SectionRange, line: number) => line >= range.start && line < range.end;

// the slugs as the frontmatter gives them (the content schema checks they are strings)
export const deeperSlugs = (data: Record<string, unknown>): string[] => (Array.isArray(data.deeper) ? data.deeper.map(String) : []);

// every problem with the chapter's `deeper:` list, each naming the file, the field and the slug
export function deeperProblems(chapter: Chapter, slugs = deeperSlugs(chapter.data)): string[] {
  const ranges = h2Ranges(chapter);
  const known = ranges.map((r) => r.section.id);
  const problems = slugs.filter((slug) => !known.includes(slug)).map((slug) => `${chapter.file}: deeper: "${slug}" is not one of its h2 sections (${known.join(', ')})`);
  // a question on the core path must not ask about a cell the core path folds away
  const folded = ranges.filter((r) => slugs.includes(r.section.id));
  const foldedAt = (line: number) => folded.find((r) => inRange(r, line));
  for (const checkpoint of chapter.checkpoints) {
    const cellId = checkpoint.source !== null && 'cell' in checkpoint.source ? checkpoint.source.cell : null;
    const cell = chapter.cells.find((c) => c.id === cellId);
    const cellIn = cell ? foldedAt(cell.line) : undefined;
    if (cellIn && !foldedAt(checkpoint.line))
      problems.push(`${chapter.file}:${checkpoint.line}: checkpoint "${checkpoint.id}" is on the core path but asks about cell "${cell!.id}" in the deeper section "${cellIn.section.id}"`);
  }
  return problems;
}

// the deeper sections' ranges; throws naming every problem
export function deeperRanges(chapter: Chapter, slugs = deeperSlugs(chapter.data)): SectionRange[] {
  const problems = deeperProblems(chapter, slugs);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return h2Ranges(chapter).filter((r) => slugs.includes(r.section.id));
}
