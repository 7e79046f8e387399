// Two runs side by side: where their losses part, and what the second changed.
import { fields, format, type Key, type Settings } from './settings.ts';

// the first step (1-based) whose loss differs between the runs, bit for bit, over the steps both
// have run; null when every one of them is the same
export function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>, steps = Math.min(a.length, b.length)): number | null {
  for (let i = 0; i < steps; i++) if (!Object.is(a[i], b[i])) return i + 1;
  return null;
}

const show = (s: Settings, key: Key) => (key === 'prompt' ? JSON.stringify(s.prompt) : format(s, key));

// the settings in which b differs from a, as "learning rate 0.01 → 0.02"
export function changes(a: Settings, b: Settings): { key: Key; text: string }[] {
  return (Object.keys(fields) as Key[]).filter((key) => a[key] !== b[key]).map((key) => ({ key, text: `${fields[key].label} ${show(a, key)} → ${show(b, key)}` }));
}

// what a reader should take from where the losses part (or do not)
export function explainDifference(first: number | null, bothRan: number, changed: Key[]): string {
  if (bothRan === 0) return 'Neither run has trained a step yet.';
  if (first === null) {
    const sampling = changed.length > 0 && changed.every((k) => k === 'temperature' || k === 'samples' || k === 'prompt');
    return `The losses are the same at all ${bothRan} steps both runs trained${sampling ? ': the change is to sampling, which training never reads' : ''}.`;
  }
  if (first === 1) return 'The losses differ from step 1: the two runs start from different models or data.';
  return `The losses are the same for ${first - 1} step${first === 2 ? '' : 's'} and differ from step ${first} on: the runs start from the same weights, and the change first acts on an update.`;
}
