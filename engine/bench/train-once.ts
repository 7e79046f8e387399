// One timed training run in a fresh process, for bench.ts: prints {"wallMs", "maxRssKb", ...} as JSON.
import { readFileSync } from 'node:fs';
import { decodeText, defaultDatasetText, loadDocs } from '../src/dataset.ts';
import { prepare } from '../src/microgpt.ts';
import { train } from '../src/train.ts';

const [data, stepsArg] = process.argv.slice(2);
const numSteps = Number(stepsArg ?? 1000);
const text = data === 'default' ? defaultDatasetText() : decodeText(readFileSync(data), data);
const start = performance.now();
const { docs, tokenizer, model } = prepare(loadDocs(text), 42);
let lastLoss = NaN;
for (const step of train(model, tokenizer, docs, { numSteps })) lastLoss = step.loss;
const wallMs = performance.now() - start;
console.log(JSON.stringify({ wallMs, maxRssKb: process.resourceUsage().maxRSS, lastLoss }));
