// #region adam
// Adam: gradient descent with momentum (m, the running mean of each gradient) and a per-weight
// step size (v, the running mean of its square), both corrected for starting at zero.
import type { Value } from './value.ts';

export interface AdamConfig {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsAdam: number;
}

export const defaultAdamConfig: AdamConfig = { learningRate: 0.01, beta1: 0.85, beta2: 0.99, epsAdam: 1e-8 };

export class Adam {
  readonly params: Value[];
  readonly config: AdamConfig;
  readonly m: Float64Array; // first moment buffer
  readonly v: Float64Array; // second moment buffer

  constructor(params: Value[], config: AdamConfig = defaultAdamConfig) {
    this.params = params;
    this.config = config;
    this.m = new Float64Array(params.length);
    this.v = new Float64Array(params.length);
  }

  // One update of every parameter with learning rate lrT at (0-based) step, then zero the grads.
  // (Python's g ** 2 and v ** 0.5 call C's pow(), which misses the last bit about once in 1,300
  // calls; JavaScript rounds these two exactly. The losses still agree to about 1e-15.)
  step(step: number, lrT: number): void {
    const { beta1, beta2, epsAdam } = this.config;
    const { m, v, params } = this;
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      m[i] = beta1 * m[i] + (1 - beta1) * p.grad;
      v[i] = beta2 * v[i] + (1 - beta2) * p.grad ** 2;
      const mHat = m[i] / (1 - beta1 ** (step + 1));
      const vHat = v[i] / (1 - beta2 ** (step + 1));
      p.data -= (lrT * mHat) / (vHat ** 0.5 + epsAdam);
      p.grad = 0;
    }
  }
}
// #endregion adam
