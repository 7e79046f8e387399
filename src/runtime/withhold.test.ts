// Withholding is transitive: in every exercise of the book, nothing the reader's code is offered of
// the engine reaches a withheld export, through properties, prototypes and constructors, or through
// what calling any function it reaches returns. Every function the walk meets must have a sample
// call below (the engine's exports, their methods, and anything their results hold), so a new
// export cannot slip past unwalked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as engine from '../../engine/src/index.ts';
import { loadBook } from '../book/build/book.ts';
import { reach } from '../grading/build/book-attacks-reach.ts';
import { engineWithout, handsOut, withheldNames } from './withhold.ts';

const tiny: engine.ModelConfig = { nLayer: 1, nEmbd: 4, blockSize: 4, nHead: 2, initStd: 0.08 };
const docs = ['emma', 'ava', 'zoë'];
const prepared = () => engine.prepare(docs, 1, tiny);
const value = () => new engine.Value(0.5, new engine.Value(2), 3);
const tokenizer = () => new engine.Tokenizer(docs);
const random = () => new engine.Random(7);
// its private methods, which a student can call all the same
const internals = () => random() as unknown as Record<string, (...args: unknown[]) => unknown>;
// what a call throws is reachable too
const thrown = (run: () => unknown) => {
  try {
    return run();
  } catch (error) {
    return error;
  }
};
// a generator, and what it yields
const drained = (g: Iterable<unknown>) => [g, ...g];

// representative calls, by the function's path from the engine module
const sampleCalls: Record<string, () => unknown> = {
  Random: () => random(),
  'Random.prototype.seed': () => random().seed(3),
  'Random.prototype.initGenrand': () => internals().initGenrand(5),
  'Random.prototype.initByArray': () => internals().initByArray([1, 2]),
  'Random.prototype.genrandUint32': () => internals().genrandUint32(),
  'Random.prototype.random': () => random().random(),
  'Random.prototype.getrandbits': () => [random().getrandbits(40), thrown(() => random().getrandbits(99))],
  'Random.prototype.randbelow': () => random().randbelow(10),
  'Random.prototype.shuffle': () => {
    const x = [1, 2, 3];
    random().shuffle(x);
    return x;
  },
  'Random.prototype.gauss': () => random().gauss(0, 1),
  'Random.prototype.choices': () => [random().choices(['a', 'b'], [1, 2], 3), thrown(() => random().choices(['a'], [0]))],
  exp: () => engine.exp(1),
  log: () => engine.log(2),
  sin: () => engine.sin(1),
  cos: () => engine.cos(1),
  strip: () => engine.strip(' a '),
  parseDocs: () => engine.parseDocs('a\r\nb\n'),
  decodeText: () => [engine.decodeText(new TextEncoder().encode('a\n')), thrown(() => engine.decodeText(new Uint8Array([0])))],
  loadDocs: () => [engine.loadDocs('a\n'), thrown(() => engine.loadDocs(' '))],
  defaultDatasetText: () => engine.defaultDatasetText().slice(0, 100),
  compareCodePoints: () => engine.compareCodePoints('a', 'b'),
  DatasetError: () => new engine.DatasetError('x'),
  Tokenizer: () => tokenizer(),
  'Tokenizer.prototype.encode': () => [tokenizer().encode('emma'), thrown(() => tokenizer().encode('?'))],
  'Tokenizer.prototype.decode': () => [tokenizer().decode([0, 1, 5]), thrown(() => tokenizer().decode([99]))],
  Value: () => value(),
  'Value.prototype.children': () => value().children,
  'Value.prototype.localGrads': () => value().localGrads,
  'Value.prototype.add': () => value().add(value()),
  'Value.prototype.mul': () => value().mul(2),
  'Value.prototype.pow': () => value().pow(2),
  'Value.prototype.log': () => value().log(),
  'Value.prototype.exp': () => value().exp(),
  'Value.prototype.relu': () => value().relu(),
  'Value.prototype.neg': () => value().neg(),
  'Value.prototype.radd': () => value().radd(1),
  'Value.prototype.sub': () => value().sub(value()),
  'Value.prototype.rsub': () => value().rsub(1),
  'Value.prototype.rmul': () => value().rmul(2),
  'Value.prototype.div': () => value().div(value()),
  'Value.prototype.rdiv': () => value().rdiv(1),
  'Value.prototype.backward': () => {
    const v = value();
    v.mul(v).backward();
    return v;
  },
  sum: () => [engine.sum([value(), value()]), thrown(() => engine.sum([]))],
  matrix: () => engine.matrix(random(), 2, 2, 0.1),
  createModel: () => [engine.createModel(random(), 5, tiny), thrown(() => engine.createModel(random(), 5, { ...tiny, nHead: 3 }))],
  linear: () => engine.linear([value(), value()], engine.matrix(random(), 2, 2, 0.1)),
  softmax: () => engine.softmax([value(), value()]),
  rmsnorm: () => engine.rmsnorm([value(), value()]),
  emptyCache: () => engine.emptyCache(prepared().model),
  gpt: () => {
    const { model, tokenizer: t } = prepared();
    return engine.gpt(model, t.BOS, 0, engine.emptyCache(model), engine.emptyCache(model));
  },
  Adam: () => new engine.Adam(prepared().model.params),
  'Adam.prototype.step': () => {
    const adam = new engine.Adam(prepared().model.params);
    adam.step(0, 0.01);
    return adam;
  },
  documentLoss: () => {
    const { model, tokenizer: t } = prepared();
    return engine.documentLoss(model, t, 'emma');
  },
  train: () => {
    const { model, tokenizer: t, docs: d } = prepared();
    return drained(engine.train(model, t, d, { numSteps: 2 }));
  },
  sample: () => {
    const { model, tokenizer: t, rng } = prepared();
    return engine.sample(model, t, rng, 0.5);
  },
  formatStep: () => engine.formatStep(1, 10, 2.5),
  formatSample: () => engine.formatSample(1, 'emma'),
  formatFixed: () => engine.formatFixed(0.125, 2),
  prepare: () => prepared(),
  run: () => drained(engine.run(docs, { numSteps: 2, numSamples: 2, config: tiny })),
};

// each sampled function, found by its path, and what its call returns (made once)
const results = new Map<unknown, unknown[]>();
for (const [path, call] of Object.entries(sampleCalls)) {
  const [head, , member] = path.split('.');
  const owner = engine[head as keyof typeof engine] as { prototype: object };
  const field = member === undefined ? null : Object.getOwnPropertyDescriptor(owner.prototype, member);
  const fn = field === null ? owner : (field?.value ?? field?.get);
  assert.equal(typeof fn, 'function', `${path} is in the sample calls, but the engine has no such function`);
  results.set(fn, [call()]);
}

// what any code reaches without the engine: the language's and the host's own objects, with the
// intrinsics no global names (generators', async functions' and iterators' prototypes, and the
// accessor of an error's own stack)
const hidden = [function* () {}, async function () {}, async function* () {}, [][Symbol.iterator](), new Map().entries(), new Set().values(), ''[Symbol.iterator](), 'a'.matchAll(/a/g)];
const ordinary = reach([globalThis, new Error('x'), ...hidden.map((x) => Object.getPrototypeOf(x))], () => [], false);
const unsampled = new Set<string>();
// everything reachable from the values, calling each function met with its sample call
function walk(roots: unknown[]): Set<unknown> {
  return reach(roots, (fn) => {
    if (ordinary.has(fn)) return [];
    if (!results.has(fn)) unsampled.add(fn.name || String(fn).slice(0, 60));
    return results.get(fn) ?? [];
  });
}

const reached = new Map<string, Set<unknown>>();
const reachedFrom = (name: string) => reached.get(name) ?? reached.set(name, walk([engine[name as keyof typeof engine]])).get(name)!;

test('every function the engine hands out has a sample call, so the walk calls it', () => {
  walk(Object.values(engine));
  assert.deepEqual([...unsampled], [], 'functions with no entry in sampleCalls (add one: what a student would call it with)');
});

test("in every exercise, nothing the reader's code gets of the engine reaches a withheld export", () => {
  const exercises = loadBook().flatMap((c) => c.exercises);
  assert.ok(exercises.some((ex) => ex.withhold.length > 0));
  for (const ex of exercises) {
    const withheld = withheldNames(ex.withhold);
    const offered = engineWithout(ex.withhold);
    const leaks = [...withheld.keys()].filter((name) => Object.keys(offered).some((o) => reachedFrom(o).has(engine[name as keyof typeof engine])));
    assert.deepEqual(leaks, [], `${ex.chapter}/${ex.id}: the offered engine reaches what it withholds`);
    for (const name of withheld.keys())
      assert.throws(
        () => offered[name],
        (e: Error) => e instanceof ReferenceError && e.message.startsWith(`the engine's ${name} is not available in this exercise`),
      );
  }
});

test('what handsOut says each export hands out, it does hand out', () => {
  for (const [name, held] of Object.entries(handsOut)) {
    for (const h of held) assert.ok(reachedFrom(name).has(engine[h as keyof typeof engine]), `${name} does not reach ${h}: withholding ${h} need not withhold ${name}`);
  }
  assert.match(withheldNames(['Tokenizer']).get('prepare')!, /what it returns holds Tokenizer, which this exercise withholds/);
});

test("prepare and run take no engine from their caller: an exercise's code cannot hand them one that catches the Random and Tokenizer they make", () => {
  const caught: unknown[] = [];
  const spy = {
    createModel: (...args: unknown[]) => (caught.push(...args), engine.createModel(args[0] as engine.Random, args[1] as number, tiny)),
    train: (...args: unknown[]) => (caught.push(...args), []),
    sampler: (...args: unknown[]) => (caught.push(...args), () => ''),
  };
  const callAsReader = (f: unknown, ...args: unknown[]) => (f as (...a: unknown[]) => unknown)(...args);
  callAsReader(engine.prepare, docs, 1, tiny, spy);
  drained(callAsReader(engine.run, docs, { numSteps: 1, numSamples: 1, config: tiny }, spy) as Iterable<unknown>);
  assert.deepEqual(caught, []);
});
