// The code blocks cells and exercises are written as: options after the block's kind
// (```ts cell id=a timeout=500 throws) and hidden setup (lines above `// ---` run first, unseen).
import type { Nodes } from 'mdast';
import { BookError, DEFAULT_TIMEOUT_MS, type Place, type Span } from './model.ts';

export const SETUP_MARKER = /^\s*\/\/ ---\s*$/;

// what a feature's reader gets to read a block of the chapter: where the chapter is, and the place
// and text range of any node in it
export interface ReadContext {
  slug: string;
  file: string; // content/chapters/<slug>.mdx
  place(node: Nodes): Place;
  span(node: Nodes): Span;
}

// a block's options after its kind (`cell id=a timeout=500 throws`): key=value, key="a value", or a bare key
export function parseMeta(meta: string): Record<string, string | true> {
  const options: Record<string, string | true> = {};
  for (const m of meta.matchAll(/(\w+)(?:=(?:"([^"]*)"|(\S+)))?/g)) options[m[1]] = m[2] ?? m[3] ?? true;
  return options;
}

// a cell's or an exercise's options, checked: an id unique in the chapter, only known options, a whole positive timeout
export function blockOptions(place: Place, kind: 'cell' | 'exercise', meta: string, known: string[], ids: Set<string>) {
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
export function splitSetup(value: string): { setup: string; code: string; hidden: number } {
  const lines = value.split('\n');
  const marker = lines.findIndex((l) => SETUP_MARKER.test(l));
  if (marker === -1) return { setup: '', code: value, hidden: 0 };
  return { setup: lines.slice(0, marker).join('\n'), code: lines.slice(marker + 1).join('\n'), hidden: marker + 1 };
}
