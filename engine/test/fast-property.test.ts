// The fast engine against the teaching engine on random shapes: for each configuration, drawn
// from a fixed seed (so every run checks the same ones), the printed output must be the same
// bytes and every step's loss the same double. Seeds, sizes, block lengths, step counts,
// temperatures and datasets (names, unicode, random text with astral characters and long lines)
// all vary; see the configurations below.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultDatasetText, loadDocs } from '../src/dataset.ts';
import { formatSample, formatStep, inferenceHeader } from '../src/format.ts';
import { prepare } from '../src/microgpt.ts';
import type { ModelConfig } from '../src/model.ts';
import { Random } from '../src/random.ts';
import { sample } from '../src/sample.ts';
import { train } from '../src/train.ts';
import * as fast from '../fast/index.ts';
import { fixtureText } from './helpers.ts';

const CONFIGURATIONS = 40;

const names = loadDocs(defaultDatasetText());
const unicode = loadDocs(fixtureText('unicode-names.txt'));
const alphabet = [...'abcdefghijklmnopqrstuvwxyz      .,-éßЖ李😀𝒜'];

interface Configuration {
  label: string;
  docs: string[];
  seed: number | bigint;
  numSteps: number;
  numSamples: number;
  temperature: number;
  config: ModelConfig;
}

function draw(rng: Random, index: number): Configuration {
  const pick = <T>(xs: readonly T[]): T => xs[rng.randbelow(xs.length)];
  const nLayer = pick([0, 1, 1, 2, 2, 3]);
  const nHead = pick([1, 1, 2, 3, 4]);
  const headDim = pick([1, 2, 4, 8, 16].filter((d) => d === 1 || nHead * d <= (nLayer === 3 ? 8 : 16))); // the teaching engine's time is the test's
  const config: ModelConfig = {
    nLayer,
    nEmbd: nHead * headDim,
    nHead,
    blockSize: pick([1, 2, 3, 5, 8, 12, 16, 24]),
    initStd: pick([0.08, 0.08, 0.02, 0.5]),
  };
  const kind = pick(['names', 'names', 'unicode', 'random']);
  let docs: string[];
  if (kind === 'names') {
    const start = rng.randbelow(names.length - 300);
    docs = names.slice(start, start + 20 + rng.randbelow(280));
  } else if (kind === 'unicode') {
    docs = unicode;
  } else {
    // random text: lines of 1 to 40 characters, spaces inside (the CLI strips them only at the ends)
    docs = loadDocs(Array.from({ length: 5 + rng.randbelow(40) }, () => Array.from({ length: 1 + rng.randbelow(40) }, () => pick(alphabet)).join('')).join('\n'));
  }
  const seed = pick([() => rng.randbelow(1000), () => -rng.randbelow(1000), () => 2n ** 70n + BigInt(rng.randbelow(1000))])();
  const numSteps = pick([0, 1, 2, 3, 5, 8, 12]);
  const numSamples = pick([0, 1, 2, 3, 4]);
  const temperature = pick([0.05, 0.5, 0.5, 1, 1.7, 100]);
  const { nEmbd, blockSize } = config;
  const label = `#${index + 1} ${kind} seed ${seed} layers ${nLayer} embd ${nEmbd} heads ${nHead} block ${blockSize} steps ${numSteps} T ${temperature}`;
  return { label, docs, seed, numSteps, numSamples, temperature, config };
}

// engine/src/microgpt.ts's run(), noting each loss: the lines the teaching engine prints
function teachingRun({ docs: documents, seed, numSteps, numSamples, temperature, config }: Configuration): { lines: string[]; losses: number[] } {
  const { rng, docs, tokenizer, model } = prepare(documents, seed, config);
  const lines = [`num docs: ${docs.length}`, `vocab size: ${tokenizer.vocabSize}`, `num params: ${model.params.length}`];
  const losses: number[] = [];
  for (const { step, loss } of train(model, tokenizer, docs, { numSteps })) {
    losses.push(loss);
    lines.push(formatStep(step, numSteps, loss));
  }
  lines.push('', inferenceHeader);
  for (let i = 0; i < numSamples; i++) lines.push(formatSample(i + 1, sample(model, tokenizer, rng, temperature)));
  return { lines, losses };
}

test(`property: ${CONFIGURATIONS} random configurations print the same bytes and every loss bit, with either engine`, (t) => {
  const rng = new Random(20260214);
  let steps = 0;
  for (let i = 0; i < CONFIGURATIONS; i++) {
    const c = draw(rng, i);
    const want = teachingRun(c);
    const got = [...fast.run(c.docs, c)];
    assert.equal(got.join('\n'), want.lines.join('\n'), c.label);
    const { docs, tokenizer, model } = fast.prepare(c.docs, c.seed, c.config);
    const losses = [...fast.train(model, tokenizer, docs, { numSteps: c.numSteps })].map((s) => s.loss);
    assert.equal(losses.length, want.losses.length, c.label);
    losses.forEach((loss, s) => assert.ok(Object.is(loss, want.losses[s]), `${c.label}: step ${s + 1} loss ${loss} != ${want.losses[s]}`));
    steps += c.numSteps;
  }
  t.diagnostic(`${CONFIGURATIONS} configurations, ${steps} training steps: output and losses identical`);
});
