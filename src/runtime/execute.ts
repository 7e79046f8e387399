// Runs one cell: transpile, then evaluate with console and imports wired to this runtime.
// The same function runs in the build (a Node worker thread) and in the page (a Web Worker).
import { connectDisplay, type Display } from './display.ts';
import { formatArgs } from './format.ts';
import { CellSyntaxError, transpile } from './transpile.ts';

export const OUTPUT_LIMITS = { lines: 5000, bytes: 1_000_000 };

export interface CellInput {
  code: string; // what the reader sees and edits
  setup?: string; // hidden lines run first, in the same scope
  after?: string; // hidden lines run last, in the same scope (an exercise's checks)
}

export interface CellError {
  name: string;
  message: string;
  line: number | null; // in the visible code, 1-based; null when it is not in the cell
}

export interface CellResult {
  output: string; // standard output: every console.log line, each ending in "\n"
  displays: Display[];
  truncated: boolean;
  error: CellError | null;
  elapsedMs: number;
}

export interface RunHooks {
  onOutput?: (text: string) => void; // each chunk as it is printed, for streaming
  onDisplay?: (display: Display) => void;
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...args: unknown[]) => Promise<unknown>;
// V8 puts two lines before the body of `new AsyncFunction(...)`: "(async function anonymous(a,b" and ") {"
const WRAPPER_LINES = 2;

export async function runCell(input: CellInput, modules: Record<string, unknown>, hooks: RunHooks = {}): Promise<CellResult> {
  const start = performance.now();
  const setupLines = input.setup ? input.setup.split('\n').length : 0;
  const codeLines = input.code.split('\n').length;
  const source = [input.setup, input.code, input.after].filter((part) => part !== undefined).join('\n');
  const out = captureOutput(hooks);
  const { print, console: cellConsole } = out;
  const displays: Display[] = [];

  const require = (name: string) => {
    if (name in modules) return modules[name];
    throw new Error(`a cell can import only ${Object.keys(modules).join(', ')}, not "${name}"`);
  };

  let error: CellError | null = null;
  connectDisplay((display, text) => {
    if (display.kind !== 'point') displays.push(display);
    hooks.onDisplay?.(display);
    if (text !== null) print(text);
  });
  try {
    const js = transpile(source);
    await new AsyncFunction('require', 'console', 'exports', js)(require, cellConsole, {});
  } catch (thrown) {
    error = describe(thrown, setupLines, codeLines);
  } finally {
    connectDisplay(null);
  }
  return { output: out.text(), displays, truncated: out.truncated(), error, elapsedMs: performance.now() - start };
}

const CUT_NOTICE = `… output cut at ${OUTPUT_LIMITS.lines.toLocaleString('en')} lines or ${OUTPUT_LIMITS.bytes / 1_000_000} MB\n`;

// what code prints, through a console of its own: streamed to onOutput, cut at the output limits
export function captureOutput(hooks: RunHooks = {}) {
  let output = '';
  let lines = 0;
  let truncated = false;
  const print = (text: string) => {
    if (truncated) return;
    const chunk = text + '\n';
    if (lines + 1 > OUTPUT_LIMITS.lines || output.length + chunk.length > OUTPUT_LIMITS.bytes) {
      truncated = true;
      hooks.onOutput?.(CUT_NOTICE);
      return;
    }
    output += chunk;
    lines += 1 + (text.match(/\n/g)?.length ?? 0);
    hooks.onOutput?.(chunk);
  };
  const log = (...args: unknown[]) => print(formatArgs(args));
  return {
    print,
    console: { log, info: log, debug: log, warn: log, error: log },
    text: () => (truncated ? output + CUT_NOTICE : output),
    truncated: () => truncated,
  };
}

export function describe(thrown: unknown, setupLines: number, codeLines: number, wrapperLines = WRAPPER_LINES): CellError {
  const visible = (line: number | null) => (line !== null && line > setupLines && line <= setupLines + codeLines ? line - setupLines : null);
  if (thrown instanceof CellSyntaxError) return { name: 'SyntaxError', message: thrown.message, line: visible(thrown.line) };
  if (thrown instanceof Error) {
    // the first stack frame inside the cell's function: "<anonymous>:LINE:COLUMN"
    const frame = /<anonymous>:(\d+):\d+/.exec(thrown.stack ?? '');
    return { name: thrown.name, message: thrown.message, line: frame ? visible(Number(frame[1]) - wrapperLines) : null };
  }
  return { name: 'Error', message: `a cell threw ${formatArgs([thrown])}`, line: null };
}
