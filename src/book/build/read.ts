// A chapter's mdast tree read into the book's model (model.ts): one walk in document order, so a
// cell inside <details>, a list item or a component is found like one at the top, a heading's
// anchor is the site's, and every position comes from the tree.
import GithubSlugger from 'github-slugger';
import type { Code, Heading, Nodes, Parent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { readCheckpoint } from '../../checkpoints/build/read.ts';
import { checkNamesIn, freeNames, topLevelNames } from './code.ts';
import type { Frontmatter } from './parse.ts';
import { BookError, type Cell, type Chapter, DEFAULT_TIMEOUT_MS, type Exercise, type Place, type Quote, type Span } from './model.ts';

export const SETUP_MARKER = /^\s*\/\/ ---\s*$/;

interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: Nodes[];
}

const isJsx = (node: Nodes): node is Nodes & JsxNode => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

// a block's options after its kind (`cell id=a timeout=500 throws`): key=value, key="a value", or a bare key
export function parseMeta(meta: string): Record<string, string | true> {
  const options: Record<string, string | true> = {};
  for (const m of meta.matchAll(/(\w+)(?:=(?:"([^"]*)"|(\S+)))?/g)) options[m[1]] = m[2] ?? m[3] ?? true;
  return options;
}

// a cell's or an exercise's options, checked: an id unique in the chapter, only known options, a whole positive timeout
function blockOptions(place: Place, kind: 'cell' | 'exercise', meta: string, known: string[], ids: Set<string>) {
  const options = parseMeta(meta.replace(new RegExp(`^${kind}\\b`), ''));
  const id = options.id;
  const a = kind === 'cell' ? 'a cell' : 'an exercise';
  if (typeof id !== 'string' || !/^[\w-]+$/.test(id)) throw new BookError(place, `${a} needs id=<letters, digits, - or _>`);
  if (ids.has(id)) throw new BookError(place, `${kind} id "${id}" is used twice in this chapter`);
  ids.add(id);
  for (const key of Object.keys(options)) if (!known.includes(key)) throw new BookError(place, `unknown ${kind} option "${key}" (known: ${known.join(', ')})`);
  const timeoutMs = options.timeout === undefined ? DEFAULT_TIMEOUT_MS : Number(options.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new BookError(place, 'timeout must be a whole number of milliseconds');
  return { options, id, timeoutMs };
}

// setup lines above `// ---`, the visible code below, and how many lines the setup and marker take
function splitSetup(value: string): { setup: string; code: string; hidden: number } {
  const lines = value.split('\n');
  const marker = lines.findIndex((l) => SETUP_MARKER.test(l));
  if (marker === -1) return { setup: '', code: value, hidden: 0 };
  return { setup: lines.slice(0, marker).join('\n'), code: lines.slice(marker + 1).join('\n'), hidden: marker + 1 };
}

const isCell = (node: Nodes): node is Code => node.type === 'code' && node.lang === 'ts' && /^cell\b/.test(node.meta ?? '');
const isExercise = (node: Nodes): node is Code => node.type === 'code' && node.lang === 'ts' && /^exercise\b/.test(node.meta ?? '');
const isOutput = (node: Nodes | undefined): node is Code => node?.type === 'code' && node.lang === 'output';

const PARTS = ['solution', 'checks', 'hints'] as const; // required
type Part = (typeof PARTS)[number] | 'grading';
function partOf(node: Nodes | undefined): Part | null {
  if (node?.type !== 'code') return null;
  if (node.lang === 'hints') return 'hints';
  if (node.lang === 'ts' && (node.meta === 'solution' || node.meta === 'checks' || node.meta === 'grading')) return node.meta;
  return null;
}

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
  const slugger = new GithubSlugger();
  const cellIds = new Set<string>();
  const exerciseIds = new Set<string>();
  const checkpointIds = new Set<string>();
  const imports = new Map<string, string>(); // local name -> module it is imported from
  let section: Quote['section'] = null;

  const cellAt = (parent: Parent, index: number, node: Code) => {
    const at = place(node);
    const { options, id, timeoutMs } = blockOptions(at, 'cell', node.meta ?? '', ['id', 'timeout', 'throws'], cellIds);
    const { setup, code, hidden } = splitSetup(node.value);
    const next = parent.children[index + 1] as Nodes | undefined;
    const output = isOutput(next) ? next : null;
    const cell: Cell = {
      chapter: slug,
      file,
      id,
      place: at,
      line: at.line,
      setup,
      code,
      codeLine: at.line + 1 + hidden,
      expected: output ? output.value : null,
      expectedLine: output ? place(output).line : null,
      timeoutMs,
      throws: options.throws === true || options.throws === 'true',
      span: span(node),
      outputSpan: output ? span(output) : null,
      spot: { parent, nodes: output ? [node, output] : [node] },
    };
    chapter.cells.push(cell);
    return cell.spot.nodes.length;
  };

  const exerciseAt = (parent: Parent, index: number, node: Code) => {
    const at = place(node);
    // the order of these checks is the order of the messages a malformed exercise gets
    const { options, id, timeoutMs } = blockOptions(at, 'exercise', node.meta ?? '', ['id', 'title', 'timeout', 'withhold'], exerciseIds);
    const title = options.title;
    if (typeof title !== 'string' || title.trim() === '') throw new BookError(at, `exercise "${id}" needs title="…"`);
    const parts = new Map<Part, Code>();
    for (let j = index + 1; j < parent.children.length; j++) {
      const sibling = parent.children[j] as Code;
      const part = partOf(sibling);
      if (part === null) break;
      if (parts.has(part)) throw new BookError(place(sibling), `exercise "${id}" has two ${part} blocks`);
      parts.set(part, sibling);
    }
    for (const part of PARTS) if (!parts.has(part)) throw new BookError(at, `exercise "${id}" needs a \`\`\`${part === 'hints' ? 'hints' : `ts ${part}`} block right after it`);
    const [solution, checks, hints] = PARTS.map((p) => parts.get(p)!);
    const hintTexts = hints.value
      .split(/\n\s*\n/)
      .map((h) => h.trim())
      .filter((h) => h !== '');
    if (hintTexts.length === 0) throw new BookError(place(hints), `exercise "${id}" has an empty hints block`);
    const checkNames = checkNamesIn(checks.value);
    if (checkNames.length === 0) throw new BookError(place(checks), `exercise "${id}" has no check('name', () => …) in its checks`);
    const grading = parts.get('grading');
    const { setup, code: starter, hidden } = splitSetup(node.value);
    // the checks run in a scope of their own, after the hidden setup; what they use and do not
    // define there is what they take from the reader's code, which must define it
    const provides = freeNames(`${setup}\n${checks.value}\n${grading?.value ?? ''}`);
    const solutionNames = topLevelNames(solution.value);
    const missing = provides.filter((name) => !solutionNames.includes(name));
    if (missing.length > 0) throw new BookError(place(checks), `exercise "${id}": its checks use ${missing.join(', ')}, which the solution does not define at its top level`);
    const withhold = typeof options.withhold === 'string' ? options.withhold.split(/[\s,]+/).filter((n) => n !== '') : [];
    const exercise: Exercise = {
      chapter: slug,
      file,
      id,
      title,
      place: at,
      line: at.line,
      setup,
      starter,
      starterLine: at.line + 1 + hidden,
      solution: solution.value,
      solutionLine: place(solution).line + 1,
      checks: checks.value,
      checksLine: place(checks).line + 1,
      checkNames,
      grading: grading?.value ?? '',
      gradingLine: grading ? place(grading).line + 1 : null,
      provides,
      withhold,
      hints: hintTexts,
      hintsLine: place(hints).line,
      timeoutMs,
      spot: { parent, nodes: [node, ...parts.values()] },
    };
    chapter.exercises.push(exercise);
    return 1 + parts.size;
  };

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
      const taken = isCell(child) ? cellAt(parent, i, child) : isExercise(child) ? exerciseAt(parent, i, child) : 0;
      for (let k = 0; k < Math.max(taken, 1); k++) visit(parent.children[i + k] as Nodes, inLink || child.type === 'link');
      if (taken > 1) i += taken - 1;
    }
  };
  visit(tree, false);
  return chapter;
}
