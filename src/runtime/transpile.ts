// TypeScript to JavaScript for a cell, the same way in the build (Node) and in the page (a Worker):
// sucrase strips the types and turns imports into require() calls, keeping every line where it was.
import { transform } from 'sucrase';

export class CellSyntaxError extends Error {
  readonly line: number | null;
  constructor(message: string, line: number | null) {
    super(message);
    this.name = 'SyntaxError';
    this.line = line;
  }
}

export function transpile(code: string): string {
  try {
    return transform(code, { transforms: ['typescript', 'imports'], production: true, disableESTransforms: true }).code;
  } catch (error) {
    const message = (error as Error).message;
    const at = /\((\d+):(\d+)\)\s*$/.exec(message);
    throw new CellSyntaxError(message.replace(/\s*\(\d+:\d+\)\s*$/, ''), at ? Number(at[1]) : null);
  }
}
