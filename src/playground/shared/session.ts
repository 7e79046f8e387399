// One playground run: microgpt prepared and trained exactly as npm run train --engine fast does
// (the same prepare(), the same train() generator, driven a step at a time), with what the page
// watches measured between steps: held-out loss, samples, snapshots. None of it draws a random
// number or touches a weight, so the losses and the final samples are the CLI's.
import { defaultAdamConfig } from '../../../engine/src/adam.ts';
import { defaultConfig } from '../../../engine/src/model.ts';
import type { Random } from '../../../engine/src/random.ts';
import type { Tokenizer } from '../../../engine/src/tokenizer.ts';
import { type Model, prepare, train, type TrainStep } from '../../../engine/fast/index.ts';
import { heldOutCount } from './dataset-input.ts';
import { HeldOutLoss, heldOutReadFrom } from './losses.ts';
import { encodeModelFile } from './model-file.ts';
import { cloneRandom, drawSamples } from './sampling.ts';
import type { Settings } from './settings.ts';
import { snapshotInterval, Snapshots } from './snapshots.ts';
import { type AttentionView, attentionView, type EmbeddingView, embeddingView } from './views.ts';

export interface SessionInfo {
  numDocs: number;
  vocabSize: number;
  uchars: string[];
  numParams: number;
  heldOut: number; // documents in the held-out set
  heldOutReadFrom: number | null; // the first step that trains on one of them
  firstHeldOut: string | null; // a document training has not read, to show attention on
  snapshotEvery: number;
}

export interface View {
  step: number; // the step the weights are from
  samples: string[];
  exactSamples: boolean; // drawn from the exact weights (live, or while training), not a 32-bit snapshot
  attention: AttentionView | { error: string } | null; // null: a model without layers has no attention
  embedding: EmbeddingView;
}

export interface ViewRequest {
  step: number;
  text: string;
  layer: number; // 0-based
  head: number;
  reference?: number[] | null; // the embedding drawn last, to keep its orientation
  samples?: boolean; // false: attention and embedding only (the live pictures)
}

export class Session {
  readonly settings: Settings;
  readonly docs: string[]; // shuffled
  readonly tokenizer: Tokenizer;
  readonly model: Model;
  readonly losses: Float64Array;
  readonly snapshots: Snapshots;
  readonly info: SessionInfo;
  step = 0;
  private readonly rng: Random; // as prepare() left it: where every sampling starts
  private readonly training: Generator<TrainStep>;
  private readonly heldOut: HeldOutLoss | null;
  private readonly samplesAt = new Map<number, string[]>();
  private readonly dataName: string; // what the model file says it was trained on

  constructor(documents: readonly string[], settings: Settings, dataName = '') {
    this.settings = settings;
    const { nLayer, nEmbd, nHead, blockSize, steps, learningRate, seed } = settings;
    const prepared = prepare(documents, seed, { nLayer, nEmbd, nHead, blockSize, initStd: defaultConfig.initStd });
    this.docs = prepared.docs;
    this.tokenizer = prepared.tokenizer;
    this.model = prepared.model;
    this.rng = cloneRandom(prepared.rng);
    this.dataName = dataName;
    this.losses = new Float64Array(steps);
    const adam = { ...defaultAdamConfig, learningRate };
    this.training = train(this.model, this.tokenizer, this.docs, { numSteps: steps, adam });
    const held = heldOutCount(this.docs.length);
    const heldDocs = this.docs.slice(this.docs.length - held);
    this.heldOut = held > 0 ? new HeldOutLoss(this.model, this.tokenizer, heldDocs) : null;
    this.snapshots = new Snapshots(snapshotInterval(steps, this.model.params.length, settings.snapshotEvery));
    this.snapshots.offer(0, this.model.params);
    this.info = {
      numDocs: this.docs.length,
      vocabSize: this.tokenizer.vocabSize,
      uchars: this.tokenizer.uchars,
      numParams: this.model.params.length,
      heldOut: held,
      heldOutReadFrom: heldOutReadFrom(this.docs.length, held, steps),
      firstHeldOut: heldDocs[0] ?? null,
      snapshotEvery: this.snapshots.interval,
    };
  }

  get done(): boolean {
    return this.step >= this.settings.steps;
  }

  // one training step; then keeps a snapshot when one is due
  advance(): number {
    const { value } = this.training.next();
    if (!value) throw new Error('training has ended');
    this.losses[this.step] = value.loss;
    this.step = value.step;
    this.snapshots.offer(this.step, this.model.params);
    return value.loss;
  }

  evalDue(): boolean {
    return this.heldOut !== null && (this.step % this.settings.evalEvery === 0 || this.done);
  }

  samplesDue(): boolean {
    return this.step % this.settings.sampleEvery === 0 || this.done;
  }

  // the held-out loss now, a document at a time (a big model's takes seconds: the caller may stop between)
  *measureHeldOut(): Generator<void, number> {
    return yield* this.heldOut!.measure();
  }

  // samples from the weights as they are now, each sampling starting where npm run train's does
  sampleNow(): string[] {
    const { temperature, samples, prompt } = this.settings;
    const drawn = drawSamples(this.model, this.tokenizer, this.rng, temperature, samples, prompt);
    this.samplesAt.set(this.step, drawn);
    return drawn;
  }

  // samples from the weights as they are now with other sampling settings (not kept)
  resample(temperature: number, count: number, prompt: string): string[] {
    return drawSamples(this.model, this.tokenizer, this.rng, temperature, count, prompt);
  }

  view(request: ViewRequest): View {
    const live = request.step >= this.step;
    const snapshot = live ? null : this.snapshots.at(request.step);
    const step = snapshot?.step ?? this.step;
    const model = snapshot ? { ...this.model, params: snapshot.params } : this.model;
    const stored = this.samplesAt.get(step);
    const { temperature, samples, prompt } = this.settings;
    const drawn = request.samples === false ? [] : (stored ?? drawSamples(model, this.tokenizer, this.rng, temperature, samples, prompt));
    return {
      step,
      samples: drawn,
      exactSamples: stored !== undefined || live,
      attention: this.attention(model, request),
      embedding: embeddingView(model, this.tokenizer, request.reference ?? null),
    };
  }

  private attention(model: Model, { text, layer, head }: ViewRequest): View['attention'] {
    if (model.config.nLayer === 0) return null;
    try {
      return attentionView(model, this.tokenizer, text, Math.min(layer, model.config.nLayer - 1), Math.min(head, model.config.nHead - 1));
    } catch (error) {
      return { error: (error as Error).message };
    }
  }

  exportFile(): string {
    const { nLayer, nEmbd, nHead, blockSize, initStd } = this.model.config;
    return encodeModelFile({
      config: { nLayer, nEmbd, nHead, blockSize, initStd },
      vocabulary: this.tokenizer.uchars,
      seed: this.settings.seed,
      numDocs: this.docs.length,
      step: this.step,
      steps: this.settings.steps,
      learningRate: this.settings.learningRate,
      data: this.dataName,
      params: this.model.params,
    });
  }
}
