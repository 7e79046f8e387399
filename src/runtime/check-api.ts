// '@microgpt/check': what an exercise's checks are written with. check() registers a named check;
// the expect functions throw a CheckFailure whose message says what was expected and what came.
import { formatArgs } from './format.ts';

export class CheckFailure extends Error {
  name = 'CheckFailure';
}

export interface RegisteredCheck {
  name: string;
  fn: () => void | Promise<void>;
}

export interface CheckModule {
  check(name: string, fn: () => void | Promise<void>): void;
  expectEqual(actual: unknown, expected: unknown, what?: string): void;
  expectClose(actual: number, expected: number, tolerance?: number, what?: string): void;
  expectTrue(condition: boolean, message: string): void;
}

const show = (x: unknown) => formatArgs([x]);
const label = (what: string | undefined) => (what ? `${what}: ` : '');

function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  return false;
}

// a fresh, frozen module per run, so the code under test cannot swap check() for a stub
export function checkModule(registered: RegisteredCheck[]): Readonly<CheckModule> {
  return Object.freeze({
    check(name: string, fn: () => void | Promise<void>) {
      registered.push({ name, fn });
    },
    expectEqual(actual: unknown, expected: unknown, what?: string) {
      if (!same(actual, expected)) throw new CheckFailure(`${label(what)}expected ${show(expected)}, got ${show(actual)}`);
    },
    expectClose(actual: number, expected: number, tolerance = 1e-9, what?: string) {
      if (typeof actual !== 'number' || !(Math.abs(actual - expected) <= tolerance))
        throw new CheckFailure(`${label(what)}expected ${show(expected)} (within ${tolerance}), got ${show(actual)}`);
    },
    expectTrue(condition: boolean, message: string) {
      if (condition !== true) throw new CheckFailure(message);
    },
  });
}
