// What the attention figure computes from, fetched when the figure is first used: the default
// model's embeddings and layer-0 query and key matrices, untrained and after training.
import { defaultDatasetText, loadDocs, prepare } from '../../../engine/src/index.ts';
import { attentionParams } from '../../figures/shared/attention.ts';
import { FIGURE_STEPS, trainedModel } from '../../figures/shared/trained.ts';

export function GET(): Response {
  const { model, tokenizer } = prepare(loadDocs(defaultDatasetText()), 42);
  const body = {
    uchars: tokenizer.uchars,
    bos: tokenizer.BOS,
    untrained: attentionParams(model),
    trained: attentionParams(trainedModel(FIGURE_STEPS).model),
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
}
