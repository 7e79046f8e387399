// Runs an exercise for a verdict the code under test cannot touch. The caller gives it a realm of
// its own (a fresh Worker or worker thread, thrown away after one run) and calls seal() before
// anything else. Then:
// - every built-in is frozen (Hardened JavaScript's lockdown(), from `ses`), so patching Object.is,
//   Array.prototype.every, JSON or Math throws instead of fooling a comparison;
// - the reader's code (after the book's hidden setup) runs in a Compartment whose only globals are
//   a console and whose only modules are the engine without the exercise's answer (its `withhold`
//   list, and any export whose result holds it: src/runtime/withhold.ts) and the display module:
//   no self, no postMessage, no import(), no network, no check API;
// - the checks run in another Compartment, after the setup again, with the whole engine and a fresh
//   frozen check API, and get the reader's functions only by name (the exercise's `provides`);
//   each call hands a function its own frozen copy of its inputs (src/runtime/hand-over.ts);
// - no check counts unless the reader's code defines each of those names, as the kind of thing the
//   book's solution makes it (a function): a check of nothing passes nothing, even one that only
//   asks for a throw;
// - a grading block, when the grader gives a seed, runs there too, on inputs drawn from that seed,
//   against the book solution's functions, evaluated in a third Compartment.
// Hand-rolled freezing was the alternative; SES freezes every intrinsic (the hidden ones too) and
// its Compartment gives a global scope that holds only what is passed in, which is what holds here.
// Its cost: lockdown takes about 15 ms per realm, and the engine trains as fast under it.
import 'ses';
import * as engine from '../../engine/src/index.ts';
import { type CheckResult, checkModule, type GradingContext, type RegisteredCheck, runChecks, stoppedWith } from './check-api.ts';
import * as display from './display.ts';
import { type CellError, captureOutput, describe } from './execute.ts';
import { HandOver } from './hand-over.ts';
import { transpile } from './transpile.ts';
import { engineWithout } from './withhold.ts';

declare function lockdown(options?: Record<string, string>): void;
declare function harden<T>(value: T): T;
declare class Compartment {
  constructor(options: { globals?: Record<string, unknown>; __options__: true });
  evaluate(source: string): unknown;
}

export interface SealedInput {
  setup?: string; // the book's hidden lines, run before the reader's code (and before the checks)
  code: string; // the reader's
  checks: string;
  provides: string[]; // what the checks take from the reader's code
  withhold: string[]; // engine exports the reader's code does not get
  grading?: string; // checks on generated inputs, run only with a seed
  solution?: string; // the book's: what kind each provided name is, and the reference the grading block compares with
  seed?: string | null; // the grader's seed; none in the page or the build's own check
  exercise?: string; // chapter/id, mixed into the seed so each exercise draws its own inputs
}

export interface SealedResult {
  output: string;
  error: CellError | null; // the reader's code stopped with it (the line is in the visible code)
  checks: CheckResult[];
  hidden: CheckResult[]; // the grading block's, on the seed's inputs
  passed: boolean; // every check and every hidden check ran and passed, and at least one did
  elapsedMs: number;
}

let sealed = false;

// once per realm, before any code it will run is loaded
export function seal(): void {
  if (sealed) return;
  // errorTaming 'unsafe' keeps stack traces (the reader's error line); overrideTaming 'severe' lets
  // ordinary code assign properties that shadow frozen prototype ones, as engine code may
  lockdown({ errorTaming: 'unsafe', overrideTaming: 'severe', consoleTaming: 'unsafe', stackFiltering: 'verbose', domainTaming: 'unsafe' });
  sealed = true;
}

const displayModule = () => harden({ ...display });

function requireFrom(modules: Record<string, unknown>) {
  return harden((name: string) => {
    if (Object.hasOwn(modules, name)) return modules[name];
    throw new Error(`this code can import only ${Object.keys(modules).join(', ')}, not "${name}"`);
  });
}

// a string seed (what an instructor types) as the engine's Random, one stream per exercise
function seededRandom(seed: string, exercise: string): engine.Random {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(`${seed}\u0000${exercise}`)) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return new engine.Random(hash);
}

// code as the body of an async function in a compartment; the wrapper is one line, so error lines shift by one
function compile(compartment: Compartment, params: string[], js: string): (...args: unknown[]) => Promise<unknown> {
  return compartment.evaluate(`(async function (${params.join(', ')}) {\n${js}\n})`) as (...args: unknown[]) => Promise<unknown>;
}

// the reader's (or the solution's) code, run after the setup; returns the names the checks take from it
const provideCall = (names: readonly string[]) => `\n;__provide({ ${names.map((n) => `${JSON.stringify(n)}: typeof ${n} === 'undefined' ? undefined : ${n}`).join(', ')} });`;

async function runCode(setup: string, code: string, provides: string[], modules: Record<string, unknown>, console: unknown): Promise<Record<string, unknown>> {
  let provided: Record<string, unknown> = {};
  const js = transpile(`${setup}\n${code}${provideCall(provides)}`);
  const run = compile(new Compartment({ globals: { console }, __options__: true }), ['require', 'exports', '__provide'], js);
  await run(requireFrom(modules), {}, (names: Record<string, unknown>) => {
    provided = names;
  });
  return provided;
}

async function register(setup: string, checks: string, provides: string[], given: Record<string, unknown>, check: unknown, console: unknown): Promise<void> {
  const js = transpile(`${setup}\n${checks}`);
  const run = compile(new Compartment({ globals: { console }, __options__: true }), ['require', 'exports', ...provides], js);
  await run(requireFrom({ '@microgpt/engine': harden({ ...engine }), '@microgpt/display': displayModule(), '@microgpt/check': check }), {}, ...provides.map((n) => given[n]));
}

type Provided = Record<string, unknown>;

// what is missing from the reader's code, as the message of every check; null when nothing is. The
// book's solution says which names are functions; without it, each must at least be defined
function missing(provides: string[], provided: Provided, book: Provided | null): string | null {
  const problems = provides.flatMap((name) => {
    const function_ = book !== null && typeof book[name] === 'function';
    const value = provided[name];
    if (value === undefined) return [`your code does not define ${function_ ? 'the function ' : ''}${name}`];
    if (function_ && typeof value !== 'function') return [`${name} should be a function, and your code makes it ${value === null ? 'null' : `a ${typeof value}`}`];
    return [];
  });
  return problems.length === 0 ? null : `not run: ${problems.join('; ')}`;
}

// the provided names as the checks get them: each function through the hand-over
function handedOver(provided: Provided, handOver: HandOver, side: 'reader' | 'book'): Provided {
  return Object.fromEntries(Object.entries(provided).map(([name, value]) => [name, typeof value === 'function' ? handOver.wrap(value as (...args: unknown[]) => unknown, name, side) : value]));
}

export async function runSealed(input: SealedInput): Promise<SealedResult> {
  if (!sealed) throw new Error('runSealed needs seal() first, in a realm of its own');
  const start = performance.now();
  const setup = input.setup ?? '';
  const out = captureOutput();
  const readerConsole = harden({ ...out.console });
  const quiet = harden({ log() {}, info() {}, debug() {}, warn() {}, error() {} });
  const studentModules = { '@microgpt/engine': harden(engineWithout(input.withhold)), '@microgpt/display': displayModule() };

  let error: CellError | null = null;
  let provided: Provided = {};
  try {
    const given = await runCode(setup, input.code, input.provides, studentModules, readerConsole);
    provided = Object.fromEntries(input.provides.map((name) => [name, given[name]])); // each read once
  } catch (thrown) {
    // one wrapper line, then the setup's lines (one empty line when there is none), then the reader's
    error = describe(thrown, setup.split('\n').length, input.code.split('\n').length, 1);
  }

  const handOver = new HandOver();
  const registered: RegisteredCheck[] = [];
  const hiddenRegistered: RegisteredCheck[] = [];
  let absent: string | null = null;
  try {
    const book = input.solution ? await runCode(setup, input.solution, input.provides, studentModules, quiet) : null;
    absent = missing(input.provides, provided, book);
    const reader = handedOver(provided, handOver, 'reader');
    await register(setup, input.checks, input.provides, reader, checkModule(registered, undefined, handOver.asIs), quiet);
    if (input.grading && input.seed) {
      const grading: GradingContext = { random: seededRandom(input.seed, input.exercise ?? ''), reference: harden(handedOver(book ?? {}, handOver, 'book')) };
      await register(setup, input.grading, input.provides, reader, checkModule(hiddenRegistered, grading, handOver.asIs), quiet);
    }
  } catch (thrown) {
    // the book's checks could not even start: nothing passes, and the message says why
    const message = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
    error ??= { name: 'CheckError', message: `the checks could not run (${message})`, line: null };
  }
  const notRun = error ? stoppedWith(error) : absent;
  const checks = await runChecks(registered, notRun);
  const hidden = await runChecks(hiddenRegistered, notRun);
  const all = [...checks, ...hidden];
  return { output: out.text(), error, checks, hidden, passed: all.length > 0 && all.every((c) => c.passed), elapsedMs: performance.now() - start };
}
