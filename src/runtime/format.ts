// How console.log shows a value in a cell. Both hosts use this one function, so the book and the
// page print the same text. Strings print as they are; everything else as below.
import { Value } from '../../engine/src/value.ts';

const MAX_ITEMS = 100;

export function formatArgs(args: unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : formatValue(a, 0, new Set()))).join(' ');
}

export function formatValue(value: unknown, depth: number, seen: Set<object>): string {
  if (typeof value === 'string') return depth === 0 ? value : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === undefined || value === null || typeof value === 'boolean' || typeof value === 'symbol') return String(value);
  if (typeof value === 'function') return `[Function ${value.name || '(anonymous)'}]`;
  if (value instanceof Value) return `Value(data=${formatValue(value.data, 1, seen)}, grad=${formatValue(value.grad, 1, seen)})`;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  const object = value as object;
  if (seen.has(object)) return '[Circular]';
  if (depth > 4) return Array.isArray(object) ? '[Array]' : '[Object]';
  seen.add(object);
  try {
    const inner = (v: unknown) => formatValue(v, depth + 1, seen);
    if (Array.isArray(object) || ArrayBuffer.isView(object)) {
      const items = Array.from(object as ArrayLike<unknown>);
      const shown = items.slice(0, MAX_ITEMS).map(inner);
      if (items.length > MAX_ITEMS) shown.push(`... ${items.length - MAX_ITEMS} more items`);
      const prefix = Array.isArray(object) ? '' : `${object.constructor.name}(${items.length}) `;
      return shown.length === 0 ? `${prefix}[]` : `${prefix}[ ${shown.join(', ')} ]`;
    }
    if (object instanceof Map) return `Map(${object.size}) { ${[...object].map(([k, v]) => `${inner(k)} => ${inner(v)}`).join(', ')} }`;
    if (object instanceof Set) return `Set(${object.size}) { ${[...object].map(inner).join(', ')} }`;
    const entries = Object.entries(object).map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`}: ${inner(v)}`);
    const name = object.constructor && object.constructor !== Object ? `${object.constructor.name} ` : '';
    return entries.length === 0 ? `${name}{}` : `${name}{ ${entries.join(', ')} }`;
  } finally {
    seen.delete(object);
  }
}
