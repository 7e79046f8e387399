// For the Adam figure: minimise scale * (p - 3)^2 from p = 0, once with the engine's Adam and once
// with plain gradient descent, and return both paths of p.
import { Adam } from '../../../engine/src/adam.ts';
import { Value } from '../../../engine/src/value.ts';

export function race(scale: number, learningRate: number, steps = 50): { adam: number[]; descent: number[] } {
  const p = new Value(0);
  const adam = new Adam([p], { learningRate, beta1: 0.85, beta2: 0.99, epsAdam: 1e-8 });
  const adamPath = [p.data];
  for (let step = 0; step < steps; step++) {
    p.sub(3).pow(2).mul(scale).backward();
    adam.step(step, learningRate);
    adamPath.push(p.data);
  }
  let q = 0;
  const descent = [q];
  for (let step = 0; step < steps; step++) {
    q -= learningRate * 2 * scale * (q - 3); // the gradient of scale * (q - 3)^2
    descent.push(q);
  }
  return { adam: adamPath, descent };
}
