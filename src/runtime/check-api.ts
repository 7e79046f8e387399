// '@microgpt/check': what an exercise's checks are written with. check() registers a named check;
// the expect functions throw a CheckFailure whose message says what was expected and what came;
// runChecks() runs the registered checks in order, each to its own verdict.
import type { Random } from '../../engine/src/random.ts';
import type { CellError } from './execute.ts';
import { formatArgs } from './format.ts';

export class CheckFailure extends Error {
  name = 'CheckFailure';
}

export interface CheckResult {
  name: string;
  passed: boolean;
  message: string | null; // why it failed
}

export interface RegisteredCheck {
  name: string;
  fn: () => void | Promise<void>;
}

// what a grading block gets beside the checks: a generator seeded by the grader's seed (never in a
// page), and the book solution's functions by name, to compare the reader's with on what it draws
export interface GradingContext {
  random: Random; // the engine's Mersenne Twister (random, randbelow, gauss, shuffle, choices)
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a grading block calls the book's functions with whatever it drew
  reference: Record<string, any>;
}

export interface CheckModule {
  check(name: string, fn: () => void | Promise<void>): void;
  expectEqual(actual: unknown, expected: unknown, what?: string): void;
  expectClose(actual: number, expected: number, tolerance?: number, what?: string): void;
  expectTrue(condition: boolean, message: string): void;
  // hands value to the reader's function as it is, not as a frozen copy: for what the function is
  // asked to change or to link its result to, built by the check for that function alone
  asIs<T>(value: T): T;
}

const show = (x: unknown) => formatArgs([x]);
const label = (what: string | undefined) => (what ? `${what}: ` : '');

// Arrays are compared by their elements, read through Array.prototype itself: a value the code under
// test returns may be a Proxy whose own `every` or `length` would say whatever it likes.
const slice = Function.prototype.call.bind(Array.prototype.slice) as (a: unknown) => unknown[];
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (!Array.isArray(a) || !Array.isArray(b)) return false;
  const xs = slice(a);
  const ys = slice(b);
  if (xs.length !== ys.length) return false;
  for (let i = 0; i < xs.length; i++) if (!same(xs[i], ys[i])) return false;
  return true;
}

// a fresh, frozen module per run, so the code under test cannot swap check() for a stub; asIs is
// the sealed run's (src/runtime/hand-over.ts), and does nothing where arguments are not copied
export function checkModule(registered: RegisteredCheck[], grading?: GradingContext, asIs: CheckModule['asIs'] = (value) => value): Readonly<CheckModule & { grading?: GradingContext }> {
  return Object.freeze({
    grading,
    asIs,
    check(name: string, fn: () => void | Promise<void>) {
      registered.push({ name, fn });
    },
    expectEqual(actual: unknown, expected: unknown, what?: string) {
      if (!same(actual, expected)) throw new CheckFailure(`${label(what)}expected ${show(expected)}, got ${show(actual)}`);
    },
    expectClose(actual: number, expected: number, tolerance = 1e-9, what?: string) {
      if (typeof actual !== 'number' || !(Math.abs(actual - expected) <= tolerance)) throw new CheckFailure(`${label(what)}expected ${show(expected)} (within ${tolerance}), got ${show(actual)}`);
    },
    expectTrue(condition: boolean, message: string) {
      if (condition !== true) throw new CheckFailure(message);
    },
  });
}

// why no check can pass when the code under test stopped
export const stoppedWith = (error: CellError) => `not run: the code stopped with ${error.name}: ${error.message}`;

// each registered check in order: passed, or failed with its message; none runs when notRun says
// why none can pass (the code stopped, or does not define what the checks call)
export async function runChecks(registered: RegisteredCheck[], notRun: string | null): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const { name, fn } of registered) {
    if (notRun !== null) {
      results.push({ name, passed: false, message: notRun });
      continue;
    }
    try {
      await fn();
      results.push({ name, passed: true, message: null });
    } catch (thrown) {
      const message = thrown instanceof Error ? (thrown.name === 'CheckFailure' ? thrown.message : `${thrown.name}: ${thrown.message}`) : String(thrown);
      results.push({ name, passed: false, message });
    }
  }
  return results;
}
