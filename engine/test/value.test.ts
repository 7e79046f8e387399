import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Value, sum } from '../src/value.ts';

// the derivative of f at x by a central finite difference, in double precision
function finiteDifference(f: (x: number) => number, x: number, h = 1e-6): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

const unary: [string, (v: Value) => Value, number[]][] = [
  ['add(number)', (v) => v.add(2.5), [-1.3, 0.7]],
  ['add(self)', (v) => v.add(v), [-1.3, 0.7]],
  ['mul(number)', (v) => v.mul(-3.25), [-1.3, 0.7]],
  ['mul(self)', (v) => v.mul(v), [-1.3, 0.7]],
  ['pow(2)', (v) => v.pow(2), [-1.3, 0.7]],
  ['pow(-1)', (v) => v.pow(-1), [-1.3, 0.7]],
  ['pow(-0.5)', (v) => v.pow(-0.5), [0.3, 2.1]],
  ['pow(3.5)', (v) => v.pow(3.5), [0.3, 2.1]],
  ['log', (v) => v.log(), [0.3, 2.1]],
  ['exp', (v) => v.exp(), [-1.3, 0.7]],
  ['relu', (v) => v.relu(), [-1.3, 0.7]],
  ['neg', (v) => v.neg(), [-1.3, 0.7]],
  ['sub(number)', (v) => v.sub(4), [-1.3, 0.7]],
  ['sub(Value)', (v) => new Value(4).sub(v), [-1.3, 0.7]],
  ['rsub', (v) => v.rsub(4), [-1.3, 0.7]],
  ['radd', (v) => v.radd(4), [-1.3, 0.7]],
  ['rmul', (v) => v.rmul(4), [-1.3, 0.7]],
  ['div(number)', (v) => v.div(3), [-1.3, 0.7]],
  ['div(Value)', (v) => new Value(3).div(v), [-1.3, 0.7]],
  ['rdiv', (v) => v.rdiv(3), [-1.3, 0.7]],
  ['chain', (v) => v.mul(v).add(1).log().mul(v.exp()).div(v.add(3)), [-1.3, 0.7]],
];

for (const [name, op, points] of unary) {
  test(`${name}: backward() gives the finite-difference derivative`, () => {
    for (const x of points) {
      const v = new Value(x);
      const y = op(v);
      y.backward();
      const want = finiteDifference((t) => op(new Value(t)).data, x);
      assert.ok(Math.abs(v.grad - want) <= 1e-6 * Math.max(1, Math.abs(want)), `at ${x}: grad ${v.grad}, finite difference ${want}`);
    }
  });
}

test('mul and add have two children with their local gradients', () => {
  const a = new Value(2);
  const b = new Value(-3);
  const c = a.mul(b);
  assert.equal(c.data, -6);
  assert.deepEqual(c.children, [a, b]);
  assert.deepEqual(c.localGrads, [-3, 2]);
  assert.deepEqual(a.add(b).localGrads, [1, 1]);
  assert.deepEqual(a.exp().children, [a]);
  assert.deepEqual(new Value(1).children, []);
});

test("the graph holds the nodes Python's operators create", () => {
  const a = new Value(2);
  const b = new Value(5);
  // sum([a, b]) = (0 + a) + b, where 0 + a is a.__radd__(0): a node with a constant child
  const s = sum([a, b]);
  const first = s.children[0];
  assert.equal(s.children[1], b);
  assert.equal(first.children[0], a);
  assert.equal(first.children[1].data, 0);
  // a / b = a * b**-1
  const q = a.div(b);
  assert.equal(q.children[0], a);
  assert.deepEqual(q.children[1].children, [b]);
  assert.equal(q.children[1].data, 5 ** -1);
  // 4 - a = 4 + (-a) = (a * -1) + 4
  const r = a.rsub(4);
  assert.equal(r.children[0].children[0], a);
  assert.equal(r.children[0].children[1].data, -1);
  assert.equal(r.children[1].data, 4);
  assert.equal(r.data, 2);
});

test('gradients of a shared node accumulate from every use', () => {
  const x = new Value(3);
  const y = x.mul(x).add(x.mul(2)); // x^2 + 2x: dy/dx = 2x + 2
  y.backward();
  assert.equal(x.grad, 8);
});

test('backward() on a very deep graph does not overflow the stack', () => {
  let y = new Value(1);
  const x = y;
  for (let i = 0; i < 300_000; i++) y = y.add(0.5).mul(1);
  y.backward();
  assert.equal(x.grad, 1);
});

test('a second backward() pass visits the graph again', () => {
  const x = new Value(2);
  const y = x.mul(x);
  y.backward();
  y.backward();
  assert.equal(x.grad, 8); // gradients add up until reset, as in microgpt.py
});

test('sum() of nothing is an error, not a silent zero', () => {
  assert.throws(() => sum([]), /sum\(\) of no values/);
});
