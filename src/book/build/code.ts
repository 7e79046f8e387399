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

// the names a piece of code declares at its top level: functions, classes, variables, imports
export function topLevelNames(code: string): string[] {
  const source = ts.createSourceFile('code.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const names: string[] = [];
  const bind = (name: ts.BindingName | undefined): void => {
    if (!name) return;
    if (ts.isIdentifier(name)) names.push(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name);
  };
  for (const statement of source.statements) {
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) names.push(statement.name.text);
    else if (ts.isVariableStatement(statement)) statement.declarationList.declarations.forEach((d) => bind(d.name));
    else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const { name, namedBindings } = statement.importClause;
      if (name) names.push(name.text);
      if (namedBindings && ts.isNamespaceImport(namedBindings)) names.push(namedBindings.name.text);
      if (namedBindings && ts.isNamedImports(namedBindings)) namedBindings.elements.forEach((e) => names.push(e.name.text));
    }
  }
  return names;
}

const GLOBALS = new Set([...Object.getOwnPropertyNames(globalThis), 'undefined', 'NaN', 'Infinity', 'arguments']);

// the names code uses but never declares, and that are not JavaScript's globals: what it expects
// another piece of code (the reader's, for an exercise's checks) to define. Declarations anywhere
// in the code count, whatever their scope; type positions and property names are not uses.
export function freeNames(code: string): string[] {
  const source = ts.createSourceFile('code.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const declared = new Set<string>();
  const used = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isTypeNode(node) || ts.isTypeParameterDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return;
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      const isDeclaration =
        (ts.isVariableDeclaration(parent) ||
          ts.isParameter(parent) ||
          ts.isFunctionDeclaration(parent) ||
          ts.isFunctionExpression(parent) ||
          ts.isClassDeclaration(parent) ||
          ts.isClassExpression(parent) ||
          ts.isBindingElement(parent) ||
          ts.isImportClause(parent) ||
          ts.isImportSpecifier(parent) ||
          ts.isNamespaceImport(parent)) &&
        (parent as { name?: ts.Node }).name === node;
      const isPropertyName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isGetAccessor(parent) || ts.isSetAccessor(parent) || ts.isEnumMember(parent)) &&
          parent.name === node) ||
        (ts.isBindingElement(parent) && parent.propertyName === node) ||
        (ts.isImportSpecifier(parent) && parent.propertyName === node) ||
        ts.isLabeledStatement(parent) ||
        ts.isBreakOrContinueStatement(parent) ||
        ts.isQualifiedName(parent);
      if (isDeclaration) declared.add(node.text);
      else if (ts.isShorthandPropertyAssignment(parent) || !isPropertyName) used.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...used].filter((name) => !declared.has(name) && !GLOBALS.has(name));
}
