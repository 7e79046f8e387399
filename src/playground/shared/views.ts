// What the playground draws from a model's weights: the attention one head pays while reading a
// document, and the token embeddings projected to two dimensions.
import { Activations, attnAt, gpt, type Model } from '../../../engine/fast/index.ts';
import type { Tokenizer } from '../../../engine/src/tokenizer.ts';
import { alignSigns, pca2 } from './pca.ts';

export interface AttentionView {
  labels: string[]; // the tokens read, BOS first
  weights: number[][]; // weights[t][s]: how much position t attends to s (s ≤ t)
  layer: number;
  head: number;
  cut: boolean; // the document was longer than the context and was cut to block_size
}

export interface EmbeddingView {
  labels: string[]; // one per token id, BOS last
  points: number[]; // x, y per token
  shown: number; // the share of the embeddings' variance the two components show
}

export const tokenLabel = (tokenizer: Tokenizer, id: number): string => (id === tokenizer.BOS ? 'BOS' : tokenizer.uchars[id]);

// the attention weights of layer and head (0-based) as gpt() computes them reading BOS and text
export function attentionView(model: Model, tokenizer: Tokenizer, text: string, layer: number, head: number): AttentionView {
  const { blockSize } = model.config;
  const all = [tokenizer.BOS, ...tokenizer.encode(text)];
  const input = all.slice(0, blockSize);
  const acts = new Activations(model, input.length);
  input.forEach((tokenId, posId) => gpt(model, acts, tokenId, posId));
  const weights = input.map((_, t) => {
    const at = attnAt(model, t, layer, head);
    return Array.from(acts.attnW.subarray(at, at + t + 1));
  });
  return { labels: input.map((id) => tokenLabel(tokenizer, id)), weights, layer, head, cut: all.length > blockSize };
}

export function embeddingView(model: Model, tokenizer: Tokenizer, reference: ArrayLike<number> | null = null): EmbeddingView {
  const { vocabSize: n } = model;
  const d = model.config.nEmbd;
  const projection = pca2(model.params.subarray(model.wte, model.wte + n * d), n, d);
  const points = alignSigns(projection.points, reference);
  const shown = projection.totalVariance > 0 ? (projection.variance[0] + projection.variance[1]) / projection.totalVariance : 0;
  return { labels: Array.from({ length: n }, (_, id) => tokenLabel(tokenizer, id)), points: Array.from(points), shown };
}
