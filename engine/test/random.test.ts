import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random } from '../src/random.ts';
import { fixtureJson } from './helpers.ts';

// values made by CPython: see fixtures/make_python_fixtures.py
const py = fixtureJson('python.json');

function seedOf(text: string): number | bigint {
  const n = BigInt(text);
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}

for (const c of py.random) {
  test(`random(${c.seed}) matches Python bit for bit`, () => {
    const r = new Random(seedOf(c.seed));
    assert.deepEqual(
      Array.from({ length: 8 }, () => r.random()),
      c.random,
    );
    for (const [k, want] of c.getrandbits) assert.equal(r.getrandbits(k), want, `getrandbits(${k})`);
    for (const [n, want] of c.randbelow) assert.equal(r.randbelow(n), want, `randbelow(${n})`);
    const xs = Array.from({ length: 40 }, (_, i) => i);
    r.shuffle(xs);
    assert.deepEqual(xs, c.shuffle40);
    const gauss = [...Array.from({ length: 9 }, () => r.gauss(0, 0.08)), ...Array.from({ length: 3 }, () => r.gauss(1.5, 2.0))];
    assert.deepEqual(gauss, c.gauss);
    const choices = Array.from({ length: 30 }, () => r.choices([0, 1, 2, 3, 4], [0.1, 0.0, 2.5, 1e-3, 0.7])[0]);
    assert.deepEqual(choices, c.choices);
    let last = 0;
    for (let i = 0; i < 700; i++) last = r.random();
    assert.equal(last, c.after_700_random);
  });
}

// Python's gauss calls the C library's log, cos and sin, which are correctly rounded except on a
// rare input; ours always are. So: every draw equals Python's gauss computed with correctly
// rounded math, and equals plain Python's wherever the C library rounded correctly too.
test('gauss(0, 0.08) from seed 42 matches Python for 4,224 draws', () => {
  const r = new Random(42);
  const got = Array.from({ length: py.gauss42.length }, () => r.gauss(0, 0.08));
  assert.deepEqual(got, py.gauss42_correctly_rounded);
  const glibcMisrounded = py.gauss42.filter((x: number, i: number) => x !== py.gauss42_correctly_rounded[i]).length;
  const differing = got.filter((x, i) => x !== py.gauss42[i]).length;
  assert.equal(differing, glibcMisrounded);
  assert.ok(differing <= 5, `${differing} of 4,224 draws differ from Python's`);
});

test('seed() resets the cached second gauss value', () => {
  const r = new Random(3);
  r.gauss();
  r.seed(3);
  const fresh = new Random(3);
  assert.equal(r.gauss(), fresh.gauss());
  assert.equal(r.gauss(), fresh.gauss());
});

test('choices rejects weights that cannot be sampled', () => {
  const r = new Random(1);
  assert.throws(() => r.choices([1, 2], [0, 0]), /greater than zero/);
  assert.throws(() => r.choices([1, 2], [1]), /does not match/);
  assert.throws(() => r.choices([1, 2], [1, Infinity]), /finite/);
});
