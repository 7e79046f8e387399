#!/usr/bin/env node
// npm run -s train -- [options]: train microgpt and print exactly what microgpt.py prints.
import { readFileSync } from 'node:fs';
import { decodeText, defaultDatasetText, loadDocs } from './dataset.ts';
import { run as runFast } from '../fast/microgpt.ts';
import { defaultRunOptions, run, type RunOptions } from './microgpt.ts';

const HELP = `Usage: npm run -s train -- [options]

Trains microgpt on a list of documents (one per line) and prints what microgpt.py prints:
num docs, vocab size, num params, one loss line per step, then sampled names.

Options (defaults are microgpt.py's):
  --data FILE         UTF-8 text file, one document per line (default: the built-in
                      dataset of 8,422 English first names)
  --seed N            random seed, any integer (default 42)
  --steps N           training steps, 0 to 10000000 (default 1000)
  --n-embd N          embedding width, 1 to 1024, divisible by --n-head (default 16)
  --n-head N          attention heads, 1 to 1024 (default 4)
  --n-layer N         transformer layers, 0 to 64 (default 1)
  --block-size N      context length, 1 to 4096 (default 16)
  --temperature T     sampling temperature, above 0 and at most 100 (default 0.5)
  --samples N         names to sample after training, 0 to 100000 (default 20)
  --engine E          teaching (default): the engine the book explains, one Value per
                      operation; fast: the same computation over flat arrays (engine/fast),
                      byte-identical output, about twenty times faster
  -h, --help          show this help

Bad input prints one line on stderr and exits with code 2.`;

class UsageError extends Error {}

interface Parsed extends RunOptions {
  data: string | null;
  engine: 'teaching' | 'fast';
}

type IntOption = { key: 'numSteps' | 'numSamples' | 'nEmbd' | 'nHead' | 'nLayer' | 'blockSize'; min: number; max: number };
const INT_OPTIONS: Record<string, IntOption> = {
  '--steps': { key: 'numSteps', min: 0, max: 10_000_000 },
  '--samples': { key: 'numSamples', min: 0, max: 100_000 },
  '--n-embd': { key: 'nEmbd', min: 1, max: 1024 },
  '--n-head': { key: 'nHead', min: 1, max: 1024 },
  '--n-layer': { key: 'nLayer', min: 0, max: 64 },
  '--block-size': { key: 'blockSize', min: 1, max: 4096 },
};

function parseInteger(flag: string, text: string): bigint {
  if (!/^[+-]?\d+$/.test(text)) throw new UsageError(`${flag} expects an integer, got ${JSON.stringify(text)}`);
  return BigInt(text);
}

export function parseArgs(argv: readonly string[]): Parsed | 'help' {
  const options: Parsed = { ...defaultRunOptions, config: { ...defaultRunOptions.config }, data: null, engine: 'teaching' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return 'help';
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq !== -1 ? arg.slice(0, eq) : arg;
    const known = flag === '--data' || flag === '--seed' || flag === '--temperature' || flag === '--engine' || flag in INT_OPTIONS;
    if (!known) throw new UsageError(`unknown option ${JSON.stringify(arg)} (see --help)`);
    let value: string;
    if (eq !== -1 && flag !== arg) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    else throw new UsageError(`${flag} needs a value`);

    if (flag === '--data') {
      if (value === '') throw new UsageError('--data needs a file name');
      options.data = value;
    } else if (flag === '--engine') {
      if (value !== 'teaching' && value !== 'fast') throw new UsageError(`--engine must be teaching or fast, got ${JSON.stringify(value)}`);
      options.engine = value;
    } else if (flag === '--seed') {
      const seed = parseInteger(flag, value);
      options.seed = seed >= BigInt(Number.MIN_SAFE_INTEGER) && seed <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(seed) : seed;
    } else if (flag === '--temperature') {
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) throw new UsageError(`--temperature expects a number, got ${JSON.stringify(value)}`);
      const t = Number(value);
      if (!(t > 0 && t <= 100)) throw new UsageError(`--temperature must be above 0 and at most 100, got ${value}`);
      options.temperature = t;
    } else {
      const { key, min, max } = INT_OPTIONS[flag];
      const n = parseInteger(flag, value);
      if (n < BigInt(min) || n > BigInt(max)) throw new UsageError(`${flag} must be between ${min} and ${max}, got ${value}`);
      if (key === 'numSteps' || key === 'numSamples') options[key] = Number(n);
      else options.config[key] = Number(n);
    }
  }
  const { nEmbd, nHead } = options.config;
  if (nEmbd % nHead !== 0) throw new UsageError(`--n-embd (${nEmbd}) must be divisible by --n-head (${nHead})`);
  return options;
}

function readDataset(file: string): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new UsageError(`cannot read --data ${file}: ${reason}`);
  }
  return decodeText(bytes, file);
}

function main(argv: readonly string[]): number {
  let parsed: Parsed | 'help';
  let docs: string[];
  try {
    parsed = parseArgs(argv);
    if (parsed === 'help') {
      process.stdout.write(HELP + '\n');
      return 0;
    }
    docs = parsed.data === null ? loadDocs(defaultDatasetText(), 'the default dataset') : loadDocs(readDataset(parsed.data), parsed.data);
  } catch (error) {
    process.stderr.write(`microgpt: ${(error as Error).message}\n`);
    return 2;
  }
  try {
    // each line is written as soon as it is made, so an error later leaves the earlier ones printed
    for (const line of (parsed.engine === 'fast' ? runFast : run)(docs, parsed)) process.stdout.write(line + '\n');
  } catch (error) {
    process.stderr.write(`microgpt: ${(error as Error).message}\n`);
    return 1;
  }
  return 0;
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0); // the reader went away (| head): stop quietly
  throw error;
});
process.exitCode = main(process.argv.slice(2));
