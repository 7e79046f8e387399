// The default model after a few hundred training steps, trained once per build and shared by the
// figures that show what training changes (the temperature and attention figures).
import { defaultDatasetText, loadDocs, prepare, train, type Prepared } from '../../../engine/src/index.ts';

export const FIGURE_STEPS = 300;

const trained = new Map<number, Prepared>();

export function trainedModel(steps: number): Prepared {
  let prepared = trained.get(steps);
  if (!prepared) {
    prepared = prepare(loadDocs(defaultDatasetText()), 42);
    for (const _ of train(prepared.model, prepared.tokenizer, prepared.docs, { numSteps: steps }));
    trained.set(steps, prepared);
  }
  return prepared;
}
