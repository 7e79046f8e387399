// remark plugin: each deeper section of a chapter (its frontmatter's `deeper:`, checked against its
// h2 sections by src/book/build/core-path.ts) is folded: its h2 stays where it is, a heading in the
// page's outline and its table of contents, and everything after it up to the next h2 goes into a
// <details class="deeper"> right below it, whose <summary> says the section is not needed on a
// first reading and how long it takes. (Not the h2 inside the summary: a summary is a button, and
// a button's contents lose their roles, so a screen reader's list of headings would miss it.)
// Deeper.astro opens a folded section when a link or the address leads to it or into it.
import type { Heading, Root, RootContent } from 'mdast';
import { resolve } from 'node:path';
import { visit } from 'unist-util-visit';
import { chapterOf, isChapterFile } from '../../book/build/book.ts';
import { deeperRanges, deeperSlugs } from '../../book/build/core-path.ts';
import { sectionMinutes } from '../../book/build/reading-time.ts';
import { esmImport } from '../../course/build/mdx.ts';

const deeperComponent = resolve(process.cwd(), 'src/site/Deeper.astro');

export const deeperMark = (minutes: number) => `Deeper: not needed on a first reading · ${minutes} min`;

// Astro hands MDX the page without its frontmatter, and the frontmatter beside it
interface File {
  path?: string;
  value?: unknown;
  data?: { astro?: { frontmatter?: Record<string, unknown> } };
}

const element = (type: string, hName: string, hProperties: Record<string, unknown>, children: unknown[]) => ({ type, data: { hName, hProperties }, children }) as unknown as RootContent;

export function remarkDeeper() {
  return (tree: Root, file: File) => {
    if (!isChapterFile(file.path)) return;
    const chapter = chapterOf(tree, file.path!, String(file.value ?? ''));
    const ranges = deeperRanges(chapter, deeperSlugs(file.data?.astro?.frontmatter ?? chapter.data)); // throws naming the file, the field and the slug
    if (ranges.length === 0) return;
    // the deeper h2s, found where they sit at the top of the tree
    const starts = new Map<Heading, (typeof ranges)[number]>();
    visit(tree, 'heading', (node: Heading, _index, parent) => {
      const range = ranges.find((r) => r.start === node.position?.start.line);
      if (range && node.depth === 2 && parent === tree) starts.set(node, range);
    });
    const children: RootContent[] = [];
    let section: RootContent[] | null = null;
    for (const node of tree.children) {
      const range = node.type === 'heading' ? starts.get(node) : undefined;
      if (node.type === 'heading' && node.depth === 2) section = null; // any h2 ends a folded section
      if (range) {
        section = [element('deeperSummary', 'summary', {}, [{ type: 'text', value: deeperMark(sectionMinutes(chapter, range)) }])];
        children.push(node, element('deeperSection', 'details', { className: ['deeper'] }, section));
      } else if (section && node.type !== 'mdxjsEsm') section.push(node);
      else children.push(node);
    }
    tree.children = [esmImport('Deeper', deeperComponent), ...children, { type: 'mdxJsxFlowElement', name: 'Deeper', attributes: [], children: [] } as unknown as RootContent];
  };
}
