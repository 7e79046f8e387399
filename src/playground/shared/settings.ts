// The playground's settings: the model's shape, training and sampling, each a field with its
// limits, read from the strings a form or a URL holds. Defaults are microgpt's own (the engine's).
// Every bad value gets a message naming the field as the form shows it; nothing is replaced quietly.
import { defaultAdamConfig } from '../../../engine/src/adam.ts';
import { defaultRunOptions } from '../../../engine/src/microgpt.ts';
import { defaultConfig } from '../../../engine/src/model.ts';

export interface Settings {
  nLayer: number;
  nEmbd: number;
  nHead: number;
  blockSize: number;
  steps: number;
  learningRate: number;
  seed: number | bigint;
  temperature: number;
  samples: number;
  prompt: string;
  evalEvery: number; // held-out loss every this many steps
  sampleEvery: number; // samples from the live weights every this many steps
  snapshotEvery: number; // weights kept every this many steps, for scrubbing
}

export type Key = keyof Settings;

interface Field {
  label: string; // as the form and every message name it
  param: string; // its name in the URL (the CLI's flag, without the dashes, where it has one)
  flag?: string; // npm run train's flag
  kind: 'int' | 'number' | 'seed' | 'text';
  min?: number;
  max?: number;
  above?: number; // a number strictly above this
}

export const fields: Record<Key, Field> = {
  nLayer: { label: 'n_layer', param: 'n-layer', flag: '--n-layer', kind: 'int', min: 0, max: 8 },
  nEmbd: { label: 'n_embd', param: 'n-embd', flag: '--n-embd', kind: 'int', min: 1, max: 256 },
  nHead: { label: 'n_head', param: 'n-head', flag: '--n-head', kind: 'int', min: 1, max: 64 },
  blockSize: { label: 'block_size', param: 'block-size', flag: '--block-size', kind: 'int', min: 1, max: 128 },
  steps: { label: 'steps', param: 'steps', flag: '--steps', kind: 'int', min: 0, max: 100_000 },
  learningRate: { label: 'learning rate', param: 'lr', kind: 'number', above: 0, max: 1 },
  seed: { label: 'seed', param: 'seed', flag: '--seed', kind: 'seed' },
  temperature: { label: 'temperature', param: 'temperature', flag: '--temperature', kind: 'number', above: 0, max: 100 },
  samples: { label: 'samples', param: 'samples', flag: '--samples', kind: 'int', min: 0, max: 200 },
  prompt: { label: 'prompt', param: 'prompt', kind: 'text' },
  evalEvery: { label: 'held-out loss every', param: 'eval-every', kind: 'int', min: 1, max: 100_000 },
  sampleEvery: { label: 'samples every', param: 'sample-every', kind: 'int', min: 1, max: 100_000 },
  snapshotEvery: { label: 'snapshot every', param: 'snapshot-every', kind: 'int', min: 1, max: 100_000 },
};

export const keys = Object.keys(fields) as Key[];

export const defaults: Settings = {
  nLayer: defaultConfig.nLayer,
  nEmbd: defaultConfig.nEmbd,
  nHead: defaultConfig.nHead,
  blockSize: defaultConfig.blockSize,
  steps: defaultRunOptions.numSteps,
  learningRate: defaultAdamConfig.learningRate,
  seed: defaultRunOptions.seed,
  temperature: defaultRunOptions.temperature,
  samples: defaultRunOptions.numSamples,
  prompt: '',
  evalEvery: 100,
  sampleEvery: 100,
  snapshotEvery: 10,
};

// the largest model the page trains: past this a step takes seconds and the snapshots fill memory
export const MAX_PARAMS = 2_000_000;
const MAX_SEED_DIGITS = 40;

export interface FieldError {
  key: Key;
  message: string;
}

export type Raw = Partial<Record<Key, string>>;

// the form's text for a setting (the seed as digits, numbers as JavaScript writes them)
export function format(settings: Settings, key: Key): string {
  return String(settings[key]);
}

function parseField(key: Key, text: string): { value: Settings[Key] } | { error: string } {
  const f = fields[key];
  const t = text.trim();
  if (f.kind === 'text') return { value: text };
  if (t === '') return { error: `${f.label} is empty; it needs a number` };
  if (f.kind === 'seed') {
    if (!/^[+-]?\d+$/.test(t)) return { error: `seed must be a whole number, got ${JSON.stringify(text)}` };
    if (t.replace(/^[+-]/, '').length > MAX_SEED_DIGITS) return { error: `seed has more than ${MAX_SEED_DIGITS} digits` };
    const n = BigInt(t);
    return { value: n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n };
  }
  if (f.kind === 'int') {
    if (!/^[+-]?\d+$/.test(t)) return { error: `${f.label} must be a whole number, got ${JSON.stringify(text)}` };
    const n = Number(t);
    if (n < f.min! || n > f.max!) return { error: `${f.label} must be between ${f.min} and ${f.max}, got ${t}` };
    return { value: n };
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { error: `${f.label} must be a number, got ${JSON.stringify(text)}` };
  const x = Number(t);
  if (!(x > f.above!) || x > f.max!) return { error: `${f.label} must be above ${f.above} and at most ${f.max}, got ${t}` };
  return { value: x };
}

// The settings the strings say, a field left out taking its default, or every error found
export function parseSettings(raw: Raw): { settings: Settings; errors: [] } | { settings: null; errors: FieldError[] } {
  const settings: Settings = { ...defaults };
  const errors: FieldError[] = [];
  for (const key of keys) {
    const text = raw[key];
    if (text === undefined) continue;
    const parsed = parseField(key, text);
    if ('error' in parsed) errors.push({ key, message: parsed.error });
    else (settings as unknown as Record<Key, Settings[Key]>)[key] = parsed.value;
  }
  const bad = new Set(errors.map((e) => e.key));
  if (!bad.has('nEmbd') && !bad.has('nHead') && settings.nEmbd % settings.nHead !== 0) {
    errors.push({ key: 'nHead', message: `n_embd (${settings.nEmbd}) must be divisible by n_head (${settings.nHead}): each head takes an equal slice of the embedding` });
  }
  if (!bad.has('prompt') && !bad.has('blockSize') && [...settings.prompt].length >= settings.blockSize) {
    errors.push({ key: 'prompt', message: `the prompt has ${[...settings.prompt].length} characters; block_size ${settings.blockSize} holds BOS and at most ${settings.blockSize - 1}` });
  }
  return errors.length > 0 ? { settings: null, errors } : { settings, errors: [] };
}

// how many weights the model has: wte and lm_head (vocabSize × n_embd each), wpe (block_size ×
// n_embd), and per layer four n_embd² attention matrices and two 4·n_embd² MLP matrices
export function parameterCount(s: Pick<Settings, 'nLayer' | 'nEmbd' | 'blockSize'>, vocabSize: number): number {
  return 2 * vocabSize * s.nEmbd + s.blockSize * s.nEmbd + 12 * s.nLayer * s.nEmbd * s.nEmbd;
}

// What only the data can decide: the model's size (its vocabulary) and the prompt's characters
export function checkAgainstData(s: Settings, uchars: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  const count = parameterCount(s, uchars.length + 1);
  if (count > MAX_PARAMS) {
    errors.push({
      key: 'nEmbd',
      message: `this model has ${count.toLocaleString('en')} parameters; the playground trains at most ${MAX_PARAMS.toLocaleString('en')} (make n_embd or n_layer smaller)`,
    });
  }
  const known = new Set(uchars);
  const unknown = [...new Set([...s.prompt].filter((ch) => !known.has(ch)))];
  if (unknown.length > 0) errors.push({ key: 'prompt', message: `the prompt has ${unknown.map((c) => JSON.stringify(c)).join(', ')}, not in the data's vocabulary` });
  return errors;
}

// npm run train's flags for these settings (the defaults left out), or why the CLI cannot run them
export function cliFlags(s: Settings): { flags: string[]; unsupported: Key[] } {
  const flags = ['--engine', 'fast'];
  const unsupported: Key[] = [];
  for (const key of ['seed', 'steps', 'nLayer', 'nEmbd', 'nHead', 'blockSize', 'temperature', 'samples'] as const) {
    if (s[key] !== defaults[key]) flags.push(fields[key].flag!, String(s[key]));
  }
  if (s.learningRate !== defaults.learningRate) unsupported.push('learningRate');
  if (s.prompt !== '') unsupported.push('prompt');
  return { flags, unsupported };
}
