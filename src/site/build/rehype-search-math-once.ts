// KaTeX writes each formula twice, as MathML for screen readers and as HTML for the eye, and the
// search index would read both: "x2x^2"-like doubled text in every excerpt, and the HTML alone reads
// flattened ("(p−3)2" for a square). Keep both out of the index (data-pagefind-ignore; screen readers
// still get the MathML) and give the index the formula's TeX as plain text instead (readable-tex.ts),
// in an element no one sees (site.css hides .katex-search).
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { readableTex } from '../shared/readable-tex.ts';

const classesOf = (node: Element): unknown[] => (Array.isArray(node.properties.className) ? node.properties.className : []);

function texOf(node: Element): string | null {
  let tex: string | null = null;
  visit(node, 'element', (child: Element) => {
    if (child.tagName === 'annotation' && child.properties.encoding === 'application/x-tex') {
      tex = child.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
    }
  });
  return tex;
}

export function rehypeSearchMathOnce() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const classes = classesOf(node);
      if (classes.includes('katex-mathml') || classes.includes('katex-html')) node.properties.dataPagefindIgnore = '';
      if (!classes.includes('katex')) return;
      const tex = texOf(node);
      if (tex === null) return;
      const text: ElementContent = { type: 'text', value: ` ${readableTex(tex)} ` };
      node.children.push({ type: 'element', tagName: 'span', properties: { className: ['katex-search'], ariaHidden: 'true' }, children: [text] });
    });
  };
}
