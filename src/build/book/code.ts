// What the book reads out of the TypeScript it holds, with TypeScript's own parser
// (never a regex over code): the names of an exercise's checks, and the numbers a cell's code uses.
import ts from 'typescript';

// the first arguments of check('name', …) calls, as written, in order
export function checkNamesIn(checks: string): string[] {
  const source = ts.createSourceFile('checks.ts', checks, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'check') {
      const first = node.arguments[0];
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) names.push(first.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

// the numeric literals of code, negative where a unary minus is applied to one; comments and
// strings hold none (a comment is prose nobody runs)
export function codeNumbers(code: string): number[] {
  const source = ts.createSourceFile('code.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const numbers: number[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNumericLiteral(node)) {
      const parent = node.parent;
      const negative = ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.MinusToken;
      numbers.push((negative ? -1 : 1) * Number(node.text));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return numbers;
}
