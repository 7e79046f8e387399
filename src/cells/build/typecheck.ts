// Type-checks every cell against the engine's and the display module's types, all cells in one
// TypeScript program; errors are reported at the chapter's line.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { CheckedCode as Cell } from './compare.ts';

export interface TypeProblem {
  cell: Cell;
  line: number; // in the chapter
  column: number;
  message: string;
}

const root = process.cwd();
// what a cell may import, as the files that declare its types
const moduleFiles: Record<string, string> = {
  '@microgpt/engine': fileURLToPath(new URL('../../../engine/src/index.ts', import.meta.url)),
  '@microgpt/engine/fast': fileURLToPath(new URL('../../../engine/fast/index.ts', import.meta.url)),
  '@microgpt/display': fileURLToPath(new URL('../../runtime/display.ts', import.meta.url)),
  '@microgpt/check': fileURLToPath(new URL('../../runtime/check-types.ts', import.meta.url)),
};

const options: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  skipLibCheck: true,
  types: [],
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
};

// a cell as a file: its setup, a blank line where the `// ---` marker was, its code; a module, so
// top-level await is allowed. The code's lines start at cell.codeLine of the chapter; the setup's,
// which sit in the cell's own block, at cell.line + 1.
const cellHead = (cell: Cell): string[] => (cell.setup === '' && cell.codeLine === cell.line + 1 ? [] : [...cell.setup.split('\n'), '']);
export function cellModule(cell: Cell): string {
  return [...cellHead(cell), cell.code, 'export {};', ''].join('\n');
}
const chapterLine = (cell: Cell, line: number): number => {
  const head = cellHead(cell).length;
  return line >= head ? cell.codeLine + line - head : cell.line + line + 1;
};

export function typecheckCells(cells: Cell[]): TypeProblem[] {
  const files = new Map(cells.map((cell) => [resolve(root, '.cells', cell.chapter, `${cell.id}.ts`), cell]));
  const host = ts.createCompilerHost(options, true);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (f) => files.has(f) || fileExists(f);
  host.readFile = (f) => (files.has(f) ? cellModule(files.get(f)!) : readFile(f));
  host.getSourceFile = (f, language, onError, create) => {
    const cell = files.get(f);
    return cell ? ts.createSourceFile(f, cellModule(cell), language, true) : getSourceFile(f, language, onError, create);
  };
  host.resolveModuleNameLiterals = (literals, containing, redirected, compilerOptions) =>
    literals.map((literal) => {
      const mapped = moduleFiles[literal.text];
      if (mapped) return { resolvedModule: { resolvedFileName: mapped, extension: ts.Extension.Ts, isExternalLibraryImport: false } };
      if (files.has(containing)) return { resolvedModule: undefined }; // a cell may import nothing else
      return ts.resolveModuleName(literal.text, containing, compilerOptions, host, undefined, redirected);
    });
  const program = ts.createProgram([...files.keys()], options, host);
  const problems: TypeProblem[] = [];
  for (const [file, cell] of files) {
    const source = program.getSourceFile(file)!;
    for (const d of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
      const { line, character } = d.start === undefined ? { line: 0, character: 0 } : source.getLineAndCharacterOfPosition(d.start);
      problems.push({ cell, line: chapterLine(cell, line), column: cell.place.column + character, message: `cell "${cell.id}": ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}` });
    }
  }
  return problems;
}
