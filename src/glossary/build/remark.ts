// remark plugin: in every chapter, the first use of each glossary term in prose becomes a link to
// its entry on /glossary/, with the definition beside it in a role="tooltip" element that the link
// names with aria-describedby. src/glossary/glossary.css shows it on hover and on keyboard focus;
// GlossaryTips.astro lets Escape hide it. Prose is text anywhere in the chapter's body, inside
// <Aside>, <details>, lists, tables and emphasis too, but not in headings, code, inline code,
// links, math, raw HTML, JSX attributes or expressions, or a <details>' <summary> (a link there
// would take the click meant to open the answer).
import { parse } from 'acorn';
import type { Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { resolve } from 'node:path';
import { siteUrl } from '../../shared/urls.ts';
import { isChapterFile } from '../../book/build/book.ts';
import { inlineCode } from '../../shared/inline-code.ts';
import { compileMatcher, type GlossaryTerm, loadGlossary, type Matcher } from './glossary.ts';

// nodes whose text is not prose, and is left alone with everything inside it
const SKIP_TYPES = new Set([
  'heading',
  'code',
  'inlineCode',
  'link',
  'linkReference',
  'definition',
  'math',
  'inlineMath',
  'html',
  'image',
  'imageReference',
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxTextExpression',
  'yaml',
  'toml',
]);
// JSX elements whose content is not prose, or where a link does not belong
const SKIP_ELEMENTS = new Set(['summary', 'a', 'code', 'pre', 'kbd', 'samp', 'var', 'script', 'style', 'button', 'label', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'Source', 'Cell', 'Exercise']);

export const glossaryUrl = (id: string) => siteUrl(`glossary/#${id}`);
export const tipId = (id: string) => `glossary-tip-${id}`;
const tipsComponent = resolve(process.cwd(), 'src/glossary/GlossaryTips.astro');

interface Options {
  terms?: GlossaryTerm[]; // default: content/glossary.yaml
  all?: boolean; // every file, not only content/chapters/ (for tests)
}

const isJsx = (node: { type: string }): node is { type: string; name: string | null } & Parent => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

// the term's use, linked, with its definition beside the link
function linked(term: GlossaryTerm, text: string): PhrasingContent {
  const tip = {
    type: 'glossaryTip',
    data: { hName: 'span', hProperties: { id: tipId(term.id), role: 'tooltip', className: ['glossary-tip'], dataPagefindIgnore: '' } },
    children: inlineCode(term.definition).map((p) => (p.code ? { type: 'inlineCode', value: p.text } : { type: 'text', value: p.text })),
  };
  const link = {
    type: 'link',
    url: glossaryUrl(term.id),
    title: null,
    data: { hProperties: { className: ['glossary-link'], ariaDescribedBy: tipId(term.id) } },
    children: [{ type: 'text', value: text }],
  };
  return { type: 'glossaryTerm', data: { hName: 'span', hProperties: { className: ['glossary-term'] } }, children: [link, tip] } as unknown as PhrasingContent;
}

// links the first use of each term in the tree's prose; returns the terms linked, in order
export function linkFirstUses(tree: Root, matcher: Matcher): GlossaryTerm[] {
  const done = new Set<string>();
  const linkedTerms: GlossaryTerm[] = [];
  const split = (node: Text): RootContent[] | null => {
    const pieces: RootContent[] = [];
    let last = 0;
    for (const use of matcher.uses(node.value)) {
      if (!use.counts || done.has(use.term.id)) continue;
      done.add(use.term.id);
      linkedTerms.push(use.term);
      if (use.start > last) pieces.push({ type: 'text', value: node.value.slice(last, use.start) });
      pieces.push(linked(use.term, node.value.slice(use.start, use.end)));
      last = use.end;
    }
    if (pieces.length === 0) return null;
    if (last < node.value.length) pieces.push({ type: 'text', value: node.value.slice(last) });
    return pieces;
  };
  const visit = (parent: Parent) => {
    for (let i = 0; i < parent.children.length; i++) {
      const child = parent.children[i] as RootContent;
      if (SKIP_TYPES.has(child.type)) continue;
      if (isJsx(child) && child.name !== null && SKIP_ELEMENTS.has(child.name)) continue;
      if (child.type === 'text') {
        const pieces = split(child);
        if (pieces) {
          parent.children.splice(i, 1, ...(pieces as typeof parent.children));
          i += pieces.length - 1;
        }
      } else if ('children' in child) visit(child as Parent);
    }
  };
  visit(tree);
  return linkedTerms;
}

const esmImport = (name: string, path: string) => {
  const value = `import ${name} from ${JSON.stringify(path)};`;
  return { type: 'mdxjsEsm', value, data: { estree: parse(value, { ecmaVersion: 'latest', sourceType: 'module' }) } } as unknown as RootContent;
};

export function remarkGlossary(options: Options = {}) {
  let matcher: Matcher | null = null;
  let matcherFor: GlossaryTerm[] | null = null;
  return (tree: Root, file: { path?: string }) => {
    if (!options.all && !isChapterFile(file.path)) return;
    const terms = options.terms ?? loadGlossary(); // throws a GlossaryError naming the file and line
    if (matcherFor !== terms) [matcher, matcherFor] = [compileMatcher(terms), terms];
    if (linkFirstUses(tree, matcher!).length === 0) return;
    // Escape hides a tooltip that is showing (WCAG 1.4.13): a few lines of script, once per page
    tree.children.unshift(esmImport('GlossaryTips', tipsComponent));
    tree.children.push({ type: 'mdxJsxFlowElement', name: 'GlossaryTips', attributes: [], children: [] } as unknown as RootContent);
  };
}
