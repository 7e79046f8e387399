// The default model after a few hundred training steps, trained once per build and shared by the
// figures that show what training changes (the temperature and attention figures). The fast
// engine trains it, to the same bits as the teaching engine and many times faster; the figures
// then read it as the teaching engine's Values.
import * as fast from '../../../engine/fast/index.ts';
import { defaultDatasetText, loadDocs, prepare, type Prepared } from '../../../engine/src/index.ts';

export const FIGURE_STEPS = 300;

const trained = new Map<number, Prepared>();

export function trainedModel(steps: number): Prepared {
  let prepared = trained.get(steps);
  if (!prepared) {
    const docs = loadDocs(defaultDatasetText());
    prepared = prepare(docs, 42);
    const run = fast.prepare(docs, 42);
    for (const _ of fast.train(run.model, run.tokenizer, run.docs, { numSteps: steps }));
    // the fast model's params are the teaching model's, in the same order
    run.model.params.forEach((w, i) => (prepared!.model.params[i].data = w));
    trained.set(steps, prepared);
  }
  return prepared;
}
