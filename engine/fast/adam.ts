// #region adam
// Adam over the flat weights and gradients: engine/src/adam.ts's update, expression for expression.
import { type AdamConfig, defaultAdamConfig } from '../src/adam.ts';

export class Adam {
  readonly config: AdamConfig;
  readonly m: Float64Array; // first moment buffer
  readonly v: Float64Array; // second moment buffer

  constructor(size: number, config: AdamConfig = defaultAdamConfig) {
    this.config = config;
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }

  // One update of every weight with learning rate lrT at (0-based) step, then zero the gradients.
  // Each weight's update is its own, so only each expression's form matters: g ** 2, v ** 0.5 and
  // the bias corrections are written exactly as the teaching engine writes them.
  step(params: Float64Array, grads: Float64Array, step: number, lrT: number): void {
    const { beta1, beta2, epsAdam } = this.config;
    const { m, v } = this;
    const correction1 = 1 - beta1 ** (step + 1);
    const correction2 = 1 - beta2 ** (step + 1);
    for (let i = 0; i < params.length; i++) {
      const g = grads[i];
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g ** 2;
      const mHat = m[i] / correction1;
      const vHat = v[i] / correction2;
      params[i] -= (lrT * mHat) / (vHat ** 0.5 + epsAdam);
      grads[i] = 0;
    }
  }
}
// #endregion adam
