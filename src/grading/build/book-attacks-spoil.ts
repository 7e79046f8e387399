// A student who spoils what the checks hand it, for book-attacks-spoil.test.ts. Its functions empty
// or zero everything they can reach from their inputs (arrays, fields, Maps, Values' data and
// grad), then answer as the book's solution does on what is left. Were the inputs the ones the
// check keeps, or the ones the book's solution is called with next, the spoiled answer would agree
// with a spoiled expectation. Its honest twin spoils a copy of its inputs instead, so it gets the
// same wrong answer without touching anything of the check's; the spoiler must never pass a check
// its twin fails.

export type Spoil = 'empty' | 'zero';

// the arguments a function is asked to change, or to link its result to (by position): neither
// student spoils them, and the twin does not copy them (a copy would not be what the check reads)
export const changedArguments: Record<string, Record<string, number[]>> = {
  'matching-python/shuffle-from-bits': { myShuffle: [0] },
  'autograd/tanh-node': { tanhValue: [0] },
  'autograd/write-backward': { myBackward: [0] },
  'training/training-loop': { myTrain: [0] },
  'inference/temperature-draw': { drawToken: [2] },
};

// Both helpers below are put into the student's code as their source text: they use nothing but
// their arguments and the language, and take anything (hence `any`).
/* eslint-disable @typescript-eslint/no-explicit-any */

// 'empty' empties every array, Map and Set; both zero every number, string and boolean field and
// element, typed arrays included; what cannot be changed (frozen) is left as it is
function spoil(value: any, how: Spoil, seen: Set<unknown> = new Set()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  const attempt = (change: () => void) => {
    try {
      change();
    } catch {
      // frozen: left as it is
    }
  };
  const zero = (x: unknown) => (typeof x === 'number' ? 0 : typeof x === 'string' ? '' : typeof x === 'boolean' ? false : typeof x === 'bigint' ? 0n : x);
  if (ArrayBuffer.isView(value)) return attempt(() => (value as any).fill(0));
  if (value instanceof Map) {
    for (const [k, v] of [...value]) {
      spoil(k, how, seen);
      spoil(v, how, seen);
      if (how === 'zero') attempt(() => value.set(k, zero(v)));
    }
    if (how === 'empty') attempt(() => value.clear());
    return;
  }
  if (value instanceof Set) {
    for (const v of [...value]) spoil(v, how, seen);
    if (how === 'empty') attempt(() => value.clear());
    return;
  }
  for (const key of Reflect.ownKeys(value)) {
    if (Array.isArray(value) && key === 'length') continue;
    let field: unknown;
    try {
      field = value[key];
    } catch {
      continue;
    }
    spoil(field, how, seen);
    attempt(() => {
      if (field !== zero(field)) value[key] = zero(field);
    });
  }
  if (how === 'empty' && Array.isArray(value)) attempt(() => (value.length = 0));
}

// a copy with the same prototypes, the same frozen parts and the same sharing, so that spoiling it
// changes exactly what spoiling the original would; functions are kept as they are
function copyOf(value: any, seen: Map<unknown, unknown> = new Map()): any {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  let copy: any;
  if (ArrayBuffer.isView(value)) copy = new (value.constructor as any)(value);
  else if (value instanceof Map) copy = new Map();
  else if (value instanceof Set) copy = new Set();
  else copy = Array.isArray(value) ? [] : Object.create(Object.getPrototypeOf(value));
  seen.set(value, copy);
  if (value instanceof Map) for (const [k, v] of value) copy.set(copyOf(k, seen), copyOf(v, seen));
  else if (value instanceof Set) for (const v of value) copy.add(copyOf(v, seen));
  else if (!ArrayBuffer.isView(value))
    for (const key of Reflect.ownKeys(value)) {
      const d = Object.getOwnPropertyDescriptor(value, key)!;
      Object.defineProperty(copy, key, 'value' in d ? { ...d, value: copyOf(d.value, seen) } : d);
    }
  if (Object.isFrozen(value) && !ArrayBuffer.isView(value)) Object.freeze(copy);
  return copy;
}

// the book's solution under other names, and each provided function as a spoiler (inPlace) or its
// honest twin
export function spoilingCode(solution: string, names: string[], how: Spoil, inPlace: boolean, changed: Record<string, number[]> = {}): string {
  let code = solution;
  for (const name of names) {
    const renamed = code.replace(new RegExp(`\\bfunction ${name}\\b`), `function __book_${name}`);
    if (renamed === code) throw new Error(`the solution has no function ${name}`);
    code = renamed;
  }
  const wrappers = names.map((name) =>
    [
      `function ${name}(...args: any[]): any {`,
      `  const changed: number[] = ${JSON.stringify(changed[name] ?? [])};`,
      `  const given = args.map((a, i) => (${inPlace} || changed.includes(i) ? a : __copyOf(a)));`,
      `  given.forEach((a, i) => changed.includes(i) || __spoil(a, ${JSON.stringify(how)}));`,
      `  return (__book_${name} as any)(...given);`,
      '}',
    ].join('\n'),
  );
  const helpers = [spoil, copyOf].map((f) =>
    f
      .toString()
      .replace(/\bspoil\(/g, '__spoil(')
      .replace(/\bcopyOf\(/g, '__copyOf('),
  );
  return [code, ...helpers, ...wrappers].join('\n');
}
