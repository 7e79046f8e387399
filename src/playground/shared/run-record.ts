// What the page knows of a run, built from the Worker's messages: every step's loss and its
// windowed mean, the held-out losses, the samples drawn along the way, and the output as npm run
// train prints it.
import { formatSample, formatStep, inferenceHeader } from '../../../engine/src/format.ts';
import { WindowedMean } from './losses.ts';
import type { FromWorker } from './protocol.ts';
import type { SessionInfo } from './session.ts';
import type { Settings } from './settings.ts';

type Progress = Extract<FromWorker, { type: 'progress' }>;

// past this many steps the output keeps every hundredth loss line (and the last), not each
const EVERY_LINE_UP_TO = 5000;

export class RunRecord {
  readonly settings: Settings;
  readonly losses: Float64Array;
  readonly means: Float64Array;
  readonly heldOut: [number, number][] = [];
  readonly samples = new Map<number, string[]>();
  info: SessionInfo | null = null;
  count = 0; // steps trained
  trainMs = 0;
  finalSamples: string[] | null = null; // drawn once the run ended, from its last weights
  private readonly windowed = new WindowedMean();

  constructor(settings: Settings) {
    this.settings = settings;
    this.losses = new Float64Array(settings.steps);
    this.means = new Float64Array(settings.steps);
  }

  add(p: Progress): void {
    if (p.from !== this.count) throw new Error(`progress from step ${p.from} after step ${this.count}`);
    for (let i = 0; i < p.losses.length; i++) {
      this.losses[this.count] = p.losses[i];
      this.means[this.count] = this.windowed.push(p.losses[i]);
      this.count++;
    }
    this.trainMs = p.trainMs;
    this.heldOut.push(...p.heldOut);
    for (const s of p.samples) this.samples.set(s.step, s.samples);
  }

  // the samples drawn most recently during training
  latestSamples(): { step: number; samples: string[] } | null {
    let latest: number | null = null;
    for (const step of this.samples.keys()) if (latest === null || step > latest) latest = step;
    return latest === null ? null : { step: latest, samples: this.samples.get(latest)! };
  }

  stepsPerSecond(): number {
    return this.trainMs > 0 ? this.count / (this.trainMs / 1000) : 0;
  }

  // microgpt.py's lines for this run so far: the counts, the losses, and the samples once it ended
  output(): string[] {
    if (!this.info) return [];
    const { numDocs, vocabSize, numParams } = this.info;
    const lines = [`num docs: ${numDocs}`, `vocab size: ${vocabSize}`, `num params: ${numParams}`];
    const steps = this.settings.steps;
    for (let i = 0; i < this.count; i++) {
      if (steps <= EVERY_LINE_UP_TO || (i + 1) % 100 === 0 || i === this.count - 1) lines.push(formatStep(i + 1, steps, this.losses[i]));
    }
    if (this.finalSamples) lines.push('', inferenceHeader, ...this.finalSamples.map((s, i) => formatSample(i + 1, s)));
    return lines;
  }
}
