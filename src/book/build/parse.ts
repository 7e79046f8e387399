// A chapter's text as a tree: the same parser and syntax plugins the site renders it with (MDX,
// then src/course/build/syntax.ts), so that positions, headings and nesting are exactly what the
// page gets. Frontmatter is blanked to spaces, as Astro does,
// so every position is the file's own line and column.
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { type Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { syntaxPlugins } from '../../course/build/syntax.ts';
import { BookError, type Place, type Prose } from './model.ts';

// exported for the test that holds the site's pipeline and this one to the same plugins
export const chapterParser = unified().use(remarkParse).use(remarkMdx).use(syntaxPlugins);

export interface Frontmatter {
  data: Record<string, unknown>;
  // the prose the page shows from the frontmatter (description, summary, objectives), with places
  prose: Prose[];
}

const PROSE_FIELDS = new Set(['description', 'summary', 'objectives']);

// the frontmatter block, if the text starts with one: its YAML and where it ends
function frontmatterBlock(text: string): { yaml: string; end: number } | null {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return null;
  const close = /^---[ \t]*$/m.exec(text.slice(open[0].length));
  if (!close) return null;
  const yamlEnd = open[0].length + close.index;
  return { yaml: text.slice(open[0].length, yamlEnd), end: yamlEnd + close[0].length };
}

function placeAt(text: string, offset: number, file: string): Place {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { file, line, column: offset - before.lastIndexOf('\n') };
}

export function readFrontmatter(text: string, file: string): Frontmatter {
  const block = frontmatterBlock(text);
  if (!block) return { data: {}, prose: [] };
  const start = text.indexOf('\n') + 1;
  const doc: Document = parseDocument(block.yaml, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    throw new BookError(placeAt(text, start + (error.pos?.[0] ?? 0), file), `frontmatter is not valid YAML: ${error.message.split('\n')[0]}`);
  }
  const data = doc.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new BookError(placeAt(text, start, file), 'frontmatter must be a map of fields');
  const prose: Frontmatter['prose'] = [];
  const scalarProse = (node: unknown) => {
    if (isScalar(node) && typeof node.value === 'string' && node.range)
      prose.push({ value: node.value, place: placeAt(text, start + node.range[0] + (node.type === 'PLAIN' ? 0 : 1), file), from: 'frontmatter' });
  };
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key) || !PROSE_FIELDS.has(String(pair.key.value))) continue;
      if (isSeq(pair.value)) pair.value.items.forEach(scalarProse);
      else scalarProse(pair.value);
    }
  }
  return { data, prose };
}

// the chapter's text with its frontmatter blanked (line breaks kept), parsed into mdast
export function parseChapterText(text: string, file: string): Root {
  const block = frontmatterBlock(text);
  const body = block ? text.slice(0, block.end).replace(/[^\n]/g, ' ') + text.slice(block.end) : text;
  try {
    return chapterParser.runSync(chapterParser.parse(body)) as Root;
  } catch (error) {
    const e = error as { line?: number; column?: number; place?: { line?: number; column?: number; start?: { line: number; column: number } }; reason?: string; message: string };
    const at = e.place && 'start' in e.place ? e.place.start : e.place;
    throw new BookError({ file, line: at?.line ?? e.line ?? 1, column: at?.column ?? e.column ?? 1 }, `not valid MDX: ${e.reason ?? e.message}`);
  }
}
