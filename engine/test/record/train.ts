// The engine's train.ts, with train() noting each loss and, when done, the weights (see register.ts).
import * as engine from '../../src/train.ts';
import { notes } from './notes.ts';

export * from '../../src/train.ts';

export function* train(...args: Parameters<typeof engine.train>): Generator<engine.TrainStep> {
  notes.trainCalls++;
  for (const step of engine.train(...args)) {
    notes.losses.push(step.loss);
    yield step;
  }
  notes.finalParams = args[0].params.map((p) => p.data);
}
