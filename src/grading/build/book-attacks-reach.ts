// Everything a piece of code can reach from some values without calling anything but getters: own
// properties (data, getters and setters, symbols, non-enumerable ones too), prototypes (so classes,
// through their prototypes' constructor) and what each getter on the way returns for the object it
// is read on. withhold.test.ts walks the engine's exports with it (adding what calling each
// function returns); book-attacks-reach.test.ts puts its source into a student's code, to walk what
// the checks hand the student's functions.

/* eslint-disable @typescript-eslint/no-unsafe-function-type -- it walks whatever function it meets */

// calls(fn) gives more values to walk once fn is reached (what calling it returns); readGetters
// says whether to read getters (not on the realm's globals, some of which load modules when read);
// seen, what an earlier walk has been through already
export function reach(roots: unknown[], calls: (fn: Function) => unknown[] = () => [], readGetters = true, seen = new Set<unknown>()): Set<unknown> {
  const queue = [...roots];
  const getters = new Map<object, Function[]>(); // a prototype's, and its own prototypes'
  const gettersOf = (proto: object | null): Function[] => {
    if (proto === null) return [];
    if (!getters.has(proto)) {
      const own = Reflect.ownKeys(proto).flatMap((key) => Object.getOwnPropertyDescriptor(proto, key)!.get ?? []);
      getters.set(proto, [...own, ...gettersOf(Object.getPrototypeOf(proto))]);
    }
    return getters.get(proto)!;
  };
  while (queue.length > 0) {
    const value = queue.pop();
    if (!((typeof value === 'object' && value !== null) || typeof value === 'function') || seen.has(value)) continue;
    seen.add(value);
    if (typeof value === 'function') queue.push(...calls(value));
    queue.push(Object.getPrototypeOf(value));
    for (const key of Reflect.ownKeys(value)) {
      const field = Object.getOwnPropertyDescriptor(value, key)!;
      queue.push(field.value, field.get, field.set);
    }
    if (!readGetters) continue;
    for (const getter of gettersOf(Object.getPrototypeOf(value)))
      try {
        queue.push(getter.call(value));
      } catch {
        // a getter for other objects (Map.prototype.size on a Value): nothing to reach
      }
  }
  return seen;
}
