// #region value
// Autograd: a scalar Value that remembers how it was made, so backward() can apply the chain rule
// through the whole computation graph.
import { exp, log } from './libm.ts';

export class Value {
  private visitMark = 0; // the last backward() pass that visited this node
  data: number; // scalar value of this node calculated during forward pass
  grad = 0; // derivative of the loss w.r.t. this node, calculated in backward pass
  // Children of this node in the computation graph, each with the local derivative of this node
  // w.r.t. it. microgpt.py keeps them as two tuples, (children) and (local_grads); every operation
  // has at most two children, so here each child sits in a field beside its local derivative.
  // Plain fields make a node cheaper to build and to walk than two small arrays would.
  readonly child0: Value | null;
  readonly localGrad0: number;
  readonly child1: Value | null;
  readonly localGrad1: number;

  constructor(data: number, child0: Value | null = null, localGrad0 = 0, child1: Value | null = null, localGrad1 = 0) {
    this.data = data;
    this.child0 = child0;
    this.localGrad0 = localGrad0;
    this.child1 = child1;
    this.localGrad1 = localGrad1;
  }

  get children(): Value[] {
    return [this.child0, this.child1].filter((child) => child !== null);
  }

  get localGrads(): number[] {
    return [this.localGrad0, this.localGrad1].slice(0, this.children.length);
  }
  // #endregion value

  // #region operations
  add(other: number | Value): Value {
    const o = other instanceof Value ? other : new Value(other);
    return new Value(this.data + o.data, this, 1, o, 1);
  }

  mul(other: number | Value): Value {
    const o = other instanceof Value ? other : new Value(other);
    return new Value(this.data * o.data, this, o.data, o, this.data);
  }

  pow(other: number): Value {
    return new Value(this.data ** other, this, other * this.data ** (other - 1));
  }

  log(): Value {
    return new Value(log(this.data), this, 1 / this.data);
  }

  exp(): Value {
    const e = exp(this.data); // Python computes math.exp(self.data) twice; it is the same number
    return new Value(e, this, e);
  }

  relu(): Value {
    return new Value(this.data > 0 ? this.data : 0, this, this.data > 0 ? 1 : 0);
  }
  // #endregion operations

  // #region sugar
  // Python's operators, spelled out: each builds exactly the nodes its Python twin builds
  neg(): Value {
    return this.mul(-1); // -self
  }

  radd(other: number): Value {
    return this.add(other); // other + self
  }

  sub(other: number | Value): Value {
    return this.add(other instanceof Value ? other.neg() : -other); // self - other
  }

  rsub(other: number): Value {
    return this.neg().add(other); // other - self
  }

  rmul(other: number): Value {
    return this.mul(other); // other * self
  }

  div(other: number | Value): Value {
    return this.mul(other instanceof Value ? other.pow(-1) : other ** -1); // self / other
  }

  rdiv(other: number): Value {
    return this.pow(-1).mul(other); // other / self
  }
  // #endregion sugar

  // #region backward
  backward(): void {
    // Topological order by depth-first search, visiting children in order as Python's recursive
    // build_topo does, but with an explicit stack so a deep graph cannot overflow the call stack.
    const topo: Value[] = [];
    const mark = ++passes;
    const stack: Value[] = [this];
    this.visitMark = mark;
    while (stack.length > 0) {
      const v = stack[stack.length - 1];
      const next = v.child0 !== null && v.child0.visitMark !== mark ? v.child0 : v.child1 !== null && v.child1.visitMark !== mark ? v.child1 : null;
      if (next !== null) {
        next.visitMark = mark; // descend into the first child not yet visited
        stack.push(next);
      } else {
        topo.push(v); // all its children are done: v comes after them
        stack.pop();
      }
    }
    this.grad = 1;
    for (let i = topo.length - 1; i >= 0; i--) {
      const v = topo[i];
      if (v.child0 !== null) v.child0.grad += v.localGrad0 * v.grad;
      if (v.child1 !== null) v.child1.grad += v.localGrad1 * v.grad;
    }
  }
}

let passes = 0;
// #endregion backward

// #region sum
// Python's sum(xs): it starts from the integer 0, so the first step is 0 + xs[0], which Python
// turns into xs[0].__radd__(0): an extra node with a constant child, just as microgpt.py builds.
export function sum(xs: readonly Value[]): Value {
  if (xs.length === 0) throw new RangeError('sum() of no values');
  let total = xs[0].radd(0);
  for (let i = 1; i < xs.length; i++) total = total.add(xs[i]);
  return total;
}
// #endregion sum
