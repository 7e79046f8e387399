// What a reader's function, or the book's, gets of the arguments a check calls it with: a deep copy
// of each, made for that call alone and frozen, so nothing the function does to its inputs reaches
// the check, the next check or the book's solution. Arrays, objects, Maps and Sets are copied with
// their prototypes and their sharing (a model's params are the Values of its stateDict, in the copy
// too). A Value is copied as a leaf: its data and grad, not the graph that made it, which would lead
// back to whatever the check built it from (a model's weights, behind the logits). Values stay
// unfrozen, since backward() writes their grad; functions (callbacks) go over as they are.
// An argument the check marks with asIs() goes over as it is: what the function is asked to change
// (the list it shuffles, the model it trains, the generator it draws from) or to link its result to
// (the Value tanh's node is made from). The check builds it for that function alone.
import { Value } from '../../engine/src/value.ts';

export class HandOver {
  private readonly marked = new WeakSet<object>();
  private readonly handed = new WeakMap<object, 'reader' | 'book'>();

  // asIs() of '@microgpt/check'
  readonly asIs = <T>(value: T): T => {
    if (isObject(value)) this.marked.add(value);
    return value;
  };

  // the function as the checks call it: each call gets copies of its arguments
  wrap(fn: (...args: unknown[]) => unknown, name: string, side: 'reader' | 'book'): (...args: unknown[]) => unknown {
    return (...args: unknown[]) => {
      const copies = new Map<object, unknown>();
      const given = args.map((arg) => this.copy(arg, copies, side));
      try {
        return Reflect.apply(fn, undefined, given);
      } catch (thrown) {
        throw changedFrozen(thrown) ? new TypeError(`${thrown.message} (the checks hand ${name} a frozen copy of its inputs: make new arrays and objects rather than changing those)`) : thrown;
      }
    };
  }

  private copy(value: unknown, copies: Map<object, unknown>, side: 'reader' | 'book'): unknown {
    if (!isObject(value) || typeof value === 'function') return value;
    if (this.marked.has(value)) {
      // one object changed by both the reader's function and the book's would let the first decide what the second sees
      if ((this.handed.get(value) ?? side) !== side) throw new Error("a check handed the same object as is to the reader's function and to the book's: build one for each");
      this.handed.set(value, side);
      return value;
    }
    if (copies.has(value)) return copies.get(value);
    if (value instanceof Value) {
      const leaf = new Value(value.data);
      leaf.grad = value.grad;
      copies.set(value, leaf);
      return leaf;
    }
    if (ArrayBuffer.isView(value)) {
      const typed = (value as unknown as { slice(): unknown }).slice();
      copies.set(value, typed);
      return typed;
    }
    const copy: object = Array.isArray(value) ? new Array(value.length) : value instanceof Map ? new Map() : value instanceof Set ? new Set() : Object.create(Object.getPrototypeOf(value));
    copies.set(value, copy);
    if (value instanceof Map) for (const [k, v] of value) (copy as Map<unknown, unknown>).set(this.copy(k, copies, side), this.copy(v, copies, side));
    if (value instanceof Set) for (const v of value) (copy as Set<unknown>).add(this.copy(v, copies, side));
    for (const key of Reflect.ownKeys(value)) {
      if (Array.isArray(value) && key === 'length') continue;
      const field = Object.getOwnPropertyDescriptor(value, key)!;
      // a getter's value, read now, so the copy holds no function of the check's
      const read = 'value' in field ? field.value : field.get?.call(value);
      Object.defineProperty(copy, key, { value: this.copy(read, copies, side), enumerable: field.enumerable, writable: true, configurable: true });
    }
    return Object.freeze(copy);
  }
}

const isObject = (value: unknown): value is object => (typeof value === 'object' && value !== null) || typeof value === 'function';

function changedFrozen(thrown: unknown): thrown is TypeError {
  return thrown instanceof TypeError && /read[- ]only|not extensible|Cannot (assign|add|delete|define|redefine)/i.test(thrown.message);
}
