// Autograd: a scalar Value that remembers how it was made, so backward() can apply the chain rule
// through the whole computation graph.
import { exp, log } from './libm.ts';

// #region value
export class Value {
  data: number; // scalar value of this node calculated during forward pass
  grad = 0; // derivative of the loss w.r.t. this node, calculated in backward pass
  readonly children: Value[]; // children of this node in the computation graph
  readonly localGrads: number[]; // local derivative of this node w.r.t. its children
  private visitMark = 0; // the last backward() pass that visited this node

  constructor(data: number, children: Value[] = NO_CHILDREN, localGrads: number[] = NO_GRADS) {
    this.data = data;
    this.children = children;
    this.localGrads = localGrads;
  }
  // #endregion value

  // #region operations
  add(other: number | Value): Value {
    const o = other instanceof Value ? other : new Value(other);
    return new Value(this.data + o.data, [this, o], [1, 1]);
  }

  mul(other: number | Value): Value {
    const o = other instanceof Value ? other : new Value(other);
    return new Value(this.data * o.data, [this, o], [o.data, this.data]);
  }

  pow(other: number): Value {
    return new Value(this.data ** other, [this], [other * this.data ** (other - 1)]);
  }

  log(): Value {
    return new Value(log(this.data), [this], [1 / this.data]);
  }

  exp(): Value {
    const e = exp(this.data);
    return new Value(e, [this], [e]);
  }

  relu(): Value {
    return new Value(this.data > 0 ? this.data : 0, [this], [this.data > 0 ? 1 : 0]);
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
    // Topological order by depth-first search, as Python's recursive build_topo visits it,
    // but with an explicit stack so a deep graph cannot overflow the call stack.
    const topo: Value[] = [];
    const mark = ++passes;
    const stack: Value[] = [this];
    const nextChild: number[] = [0];
    this.visitMark = mark;
    while (stack.length > 0) {
      const top = stack.length - 1;
      const v = stack[top];
      const i = nextChild[top];
      if (i < v.children.length) {
        nextChild[top] = i + 1;
        const child = v.children[i];
        if (child.visitMark !== mark) {
          child.visitMark = mark;
          stack.push(child);
          nextChild.push(0);
        }
      } else {
        topo.push(v);
        stack.pop();
        nextChild.pop();
      }
    }
    this.grad = 1;
    for (let t = topo.length - 1; t >= 0; t--) {
      const v = topo[t];
      for (let i = 0; i < v.children.length; i++) {
        v.children[i].grad += v.localGrads[i] * v.grad;
      }
    }
  }
  // #endregion backward
}

const NO_CHILDREN: Value[] = [];
const NO_GRADS: number[] = [];
let passes = 0;

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
