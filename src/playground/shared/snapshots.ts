// The weights as they were every k steps, so the reader can scrub back through training. Each is
// kept as 32-bit floats, half the engine's 64: enough to draw attention and embeddings as they
// were, not to reproduce a sample to the last bit. The untrained weights (step 0) are kept exact.
// k grows past the reader's choice when the snapshots would not fit the memory budget.

export const SNAPSHOT_BUDGET_BYTES = 64 * 1024 * 1024;

// the interval that keeps every snapshot of a run within the budget: the requested one, or larger
export function snapshotInterval(steps: number, numParams: number, requested: number, budget = SNAPSHOT_BUDGET_BYTES): number {
  const perSnapshot = 4 * numParams;
  const fits = Math.max(1, Math.floor(budget / perSnapshot) - 2); // less the exact step 0 (two floats' worth)
  return Math.max(requested, Math.ceil(steps / fits));
}

export interface Snapshot {
  step: number;
  weights: Float32Array | Float64Array;
}

export class Snapshots {
  readonly interval: number;
  private readonly kept: Snapshot[] = [];

  constructor(interval: number) {
    this.interval = interval;
  }

  // keep the weights after `step` steps if the step is one to keep (0, the interval's multiples)
  offer(step: number, params: Float64Array): boolean {
    if (step !== 0 && step % this.interval !== 0) return false;
    if (this.kept.length > 0 && this.kept.at(-1)!.step >= step) return false;
    this.kept.push({ step, weights: step === 0 ? params.slice() : Float32Array.from(params) });
    return true;
  }

  get steps(): number[] {
    return this.kept.map((s) => s.step);
  }

  // the latest snapshot at or before step, as 64-bit weights the engine can run
  at(step: number): { step: number; params: Float64Array } | null {
    let lo = 0;
    let hi = this.kept.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.kept[mid].step <= step) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found === -1) return null;
    const s = this.kept[found];
    return { step: s.step, params: Float64Array.from(s.weights) };
  }

  get bytes(): number {
    return this.kept.reduce((total, s) => total + s.weights.byteLength, 0);
  }
}
