// KaTeX writes each formula twice, as MathML for screen readers and as HTML for the eye, and the
// search index would read both: "x2x^2"-like doubled text in every excerpt. Keep the MathML out of
// the index (data-pagefind-ignore); screen readers still get it.
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

export function rehypeSearchMathOnce() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const classes = node.properties.className;
      if (Array.isArray(classes) && classes.includes('katex-mathml')) node.properties.dataPagefindIgnore = '';
    });
  };
}
