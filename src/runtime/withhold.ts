// What the reader's code gets of the engine in an exercise: every export but the exercise's answer
// (its `withhold` list), and but every export that hands the answer out. prepare() returns the
// Random and the Tokenizer it made, so an exercise that withholds either withholds prepare too: its
// result's constructor would be the very class the exercise asks for. Reaching for a withheld name
// throws, saying why it is not there.
import * as engine from '../../engine/src/index.ts';

// the exports whose results hold other exports (withhold.test.ts walks everything each export
// reaches, its results included, and fails when this misses one)
export const handsOut: Readonly<Record<string, readonly string[]>> = {
  prepare: ['Random', 'Tokenizer'], // prepare(...).rng, prepare(...).tokenizer
};

// every name withheld from the reader's code, with the reason the reader is given
export function withheldNames(withhold: readonly string[]): Map<string, string> {
  const why = new Map(withhold.map((name) => [name, `the engine's ${name} is not available in this exercise: writing it is the exercise`]));
  for (let grown = true; grown;) {
    grown = false;
    for (const [name, held] of Object.entries(handsOut)) {
      const answers = held.filter((h) => why.has(h));
      if (why.has(name) || answers.length === 0) continue;
      why.set(name, `the engine's ${name} is not available in this exercise: what it returns holds ${answers.join(' and ')}, which this exercise withholds`);
      grown = true;
    }
  }
  return why;
}

// the engine module the reader's code imports
export function engineWithout(withhold: readonly string[]): Record<string, unknown> {
  const why = withheldNames(withhold);
  const module: Record<string, unknown> = Object.fromEntries(Object.entries(engine).filter(([name]) => !why.has(name)));
  for (const [name, reason] of why)
    Object.defineProperty(module, name, {
      enumerable: false,
      get() {
        throw new ReferenceError(reason);
      },
    });
  return module;
}
