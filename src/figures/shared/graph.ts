// The autograd figure's model: the chain-rule chapter's y = exp(x·x + 3x) built from the engine's
// Value, its nodes in the order Value.backward visits them, and the gradients after each step of
// that walk, so the page can replay backward one node at a time.
import { Value } from '../../../engine/src/value.ts';

export interface GraphNode {
  label: string;
  value: Value;
  depth: number; // 0 for inputs and constants, else one more than its deepest child
}

export function expression(x: number): { root: Value; nodes: GraphNode[] } {
  const xv = new Value(x);
  const xx = xv.mul(xv);
  const x3 = xv.mul(3);
  const s = xx.add(x3);
  const y = s.exp();
  const labels = new Map<Value, string>([
    [xv, 'x'],
    [x3.child1!, '3'],
    [xx, 'x · x'],
    [x3, 'x · 3'],
    [s, 'x·x + 3x'],
    [y, 'y = exp(…)'],
  ]);
  const nodes = topoOrder(y).map((value) => ({ label: labels.get(value)!, value, depth: depth(value) }));
  return { root: y, nodes };
}

function depth(v: Value): number {
  return v.children.length === 0 ? 0 : 1 + Math.max(...v.children.map(depth));
}

// Python's build_topo: children first, in order, each node once
export function topoOrder(root: Value): Value[] {
  const topo: Value[] = [];
  const seen = new Set<Value>();
  const visit = (v: Value) => {
    if (seen.has(v)) return;
    seen.add(v);
    v.children.forEach(visit);
    topo.push(v);
  };
  visit(root);
  return topo;
}

// grads[k][i]: node i's gradient after k steps of backward; active[k]: the node step k worked on.
// Step 0 is before backward (active -1), step 1 seeds the root's gradient with 1, and each later
// step passes one node's gradient on to its children, in reverse topological order.
export function backwardSteps(nodes: Value[]): { grads: number[][]; active: number[] } {
  const index = new Map(nodes.map((v, i) => [v, i]));
  const grad = nodes.map(() => 0);
  const grads = [grad.slice()];
  const active = [-1];
  grad[nodes.length - 1] = 1;
  grads.push(grad.slice());
  active.push(nodes.length - 1);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const v = nodes[i];
    if (v.children.length === 0) continue;
    v.children.forEach((child, c) => (grad[index.get(child)!] += v.localGrads[c] * grad[i]));
    grads.push(grad.slice());
    active.push(i);
  }
  return { grads, active };
}

// A number as the figure prints it: at most five significant digits, no trailing zeros
export function short(x: number): string {
  return String(Number(x.toPrecision(5)));
}
