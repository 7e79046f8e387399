// What the remark plugins put into a chapter's tree for MDX to compile: an import of a component,
// and a component whose props are values, written into the compiled page as JavaScript (the page
// data itself, not a JSON string the component would have to parse again).
import { parse } from 'acorn';
import type { Parent, RootContent } from 'mdast';
import type { TreeSpot } from '../../book/build/model.ts';

const program = (code: string) => parse(code, { ecmaVersion: 'latest', sourceType: 'module' });

export function esmImport(name: string, path: string): RootContent {
  const value = `import ${name} from ${JSON.stringify(path)};`;
  return { type: 'mdxjsEsm', value, data: { estree: program(value) } } as unknown as RootContent;
}

// prop={value} for each prop, the value as an expression
export function propAttributes(props: Record<string, unknown>): unknown[] {
  return Object.entries(props).map(([name, prop]) => {
    const value = JSON.stringify(prop);
    return { type: 'mdxJsxAttribute', name, value: { type: 'mdxJsxAttributeValueExpression', value, data: { estree: program(`(${value})`) } } };
  });
}

// <Name prop={…} />, a block of its own
export const component = (name: string, props: Record<string, unknown>): RootContent =>
  ({ type: 'mdxJsxFlowElement', name, attributes: propAttributes(props), children: [] }) as unknown as RootContent;

// a block's nodes (a cell and its output, say), wherever they sit in the tree, replaced by one
export function replaceBlock({ parent, nodes }: TreeSpot, by: RootContent): void {
  const index = (parent as Parent).children.indexOf(nodes[0]);
  if (index === -1) throw new Error('a block is no longer where the book model found it');
  (parent as Parent).children.splice(index, nodes.length, by);
}
