// A chapter's mdast tree read into the book's model (model.ts): one walk in document order, so a
// cell inside <details>, a list item or a component is found like one at the top, a heading's
// anchor is the site's, and every position comes from the tree. Each feature reads its own blocks
// (src/cells/build/read.ts, src/exercises/build/read.ts, src/checkpoints/build/read.ts).
import GithubSlugger from 'github-slugger';
import type { Heading, Nodes, Parent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isCell, readCell } from '../../cells/build/read.ts';
import { readCheckpoint } from '../../checkpoints/build/read.ts';
import { isExercise, readExercise } from '../../exercises/build/read.ts';
import type { ReadContext } from './blocks.ts';
import type { Chapter, Place, Quote, Span } from './model.ts';
import type { Frontmatter } from './parse.ts';

interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: Nodes[];
}

const isJsx = (node: Nodes): node is Nodes & JsxNode => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

const isUrl = (text: string) => /^(?:https?:\/\/|www\.|mailto:)/.test(text);

export interface ChapterSource {
  slug: string;
  file: string; // content/chapters/<slug>.mdx
  frontmatter: Frontmatter;
}

export function readChapter(tree: Root, { slug, file, frontmatter }: ChapterSource): Chapter {
  const data = frontmatter.data;
  const title = typeof data.title === 'string' ? data.title : slug;
  const chapter: Chapter = {
    slug,
    file,
    title,
    order: typeof data.order === 'number' ? data.order : Number.POSITIVE_INFINITY,
    data,
    sections: [],
    cells: [],
    exercises: [],
    quotes: [],
    figures: [],
    components: [],
    prose: [...frontmatter.prose],
    outputs: [],
    codeBlocks: [],
    math: [],
    checkpoints: [],
  };
  const place = (node: Nodes): Place => ({ file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  const span = (node: Nodes): Span => ({ start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 });
  const context: ReadContext = { slug, file, place, span };
  const slugger = new GithubSlugger();
  const cellIds = new Set<string>();
  const exerciseIds = new Set<string>();
  const checkpointIds = new Set<string>();
  const imports = new Map<string, string>(); // local name -> module it is imported from
  let section: Quote['section'] = null;

  const jsx = (node: JsxNode & Nodes) => {
    const at = place(node);
    const attributes = Object.fromEntries(node.attributes.filter((a) => a.type === 'mdxJsxAttribute' && a.name).map((a) => [a.name!, a.value ?? true]));
    if (node.name) chapter.components.push({ name: node.name, text: toString(node), place: at });
    if (node.name === 'Source') {
      const { file: source = '', region = '' } = attributes as Record<string, unknown>;
      chapter.quotes.push({
        chapter: slug,
        chapterTitle: title,
        section,
        module: String(source).replace(/\.ts$/, ''),
        region: String(region),
        file,
        line: at.line,
        place: at,
        attributes,
      });
    }
    if (node.name === 'Checkpoint') chapter.checkpoints.push(readCheckpoint(node, at, slug, checkpointIds, place));
    if (node.name && /Figure$/.test(node.name)) chapter.figures.push({ name: node.name, importedFrom: imports.get(node.name) ?? null, place: at });
  };

  const visit = (node: Nodes, inLink: boolean): void => {
    switch (node.type) {
      case 'heading': {
        const text = toString(node as Heading);
        const id = slugger.slug(text);
        chapter.sections.push({ id, text, depth: (node as Heading).depth, place: place(node) });
        section = { id, text };
        break;
      }
      case 'text':
        if (!(inLink && isUrl(node.value))) chapter.prose.push({ value: node.value, place: place(node), from: 'body' });
        return;
      case 'code':
        chapter.codeBlocks.push({ lang: node.lang ?? '', meta: node.meta ?? '', value: node.value, place: place(node) });
        if (node.lang === 'output') chapter.outputs.push(node.value);
        return;
      case 'math':
        chapter.math.push(node.value);
        return;
      case 'mdxjsEsm':
        for (const statement of (node.data?.estree?.body ?? []) as { type: string; source?: { value: unknown }; specifiers?: { local: { name: string } }[] }[])
          if (statement.type === 'ImportDeclaration') for (const s of statement.specifiers ?? []) imports.set(s.local.name, String(statement.source?.value));
        return;
    }
    if (isJsx(node)) jsx(node);
    if (!('children' in node)) return;
    const parent = node as Parent;
    for (let i = 0; i < parent.children.length; i++) {
      const child = parent.children[i] as Nodes;
      // a cell or an exercise takes its following blocks with it; they are still code blocks of the chapter
      const cell = isCell(child) ? readCell(parent, i, child, context, cellIds) : null;
      const exercise = isExercise(child) ? readExercise(parent, i, child, context, exerciseIds) : null;
      if (cell) chapter.cells.push(cell);
      if (exercise) chapter.exercises.push(exercise);
      const taken = (cell ?? exercise)?.spot.nodes.length ?? 0;
      for (let k = 0; k < Math.max(taken, 1); k++) visit(parent.children[i + k] as Nodes, inLink || child.type === 'link');
      if (taken > 1) i += taken - 1;
    }
  };
  visit(tree, false);
  return chapter;
}
