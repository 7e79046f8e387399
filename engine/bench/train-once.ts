// One timed training run in a fresh process, for bench.ts: prints {"wallMs", "trainMs", "maxRssKb", ...}
// as JSON. node bench/train-once.ts <names.txt | default> <steps> [teaching | fast]
import { readFileSync } from 'node:fs';
import * as fast from '../fast/index.ts';
import { decodeText, defaultDatasetText, loadDocs } from '../src/dataset.ts';
import { prepare } from '../src/microgpt.ts';
import { train } from '../src/train.ts';

const [data, stepsArg, engine = 'teaching'] = process.argv.slice(2);
if (engine !== 'teaching' && engine !== 'fast') throw new Error(`train-once: unknown engine ${engine}`);
const numSteps = Number(stepsArg ?? 1000);
const text = data === 'default' ? defaultDatasetText() : decodeText(readFileSync(data), data);
const start = performance.now();
let lastLoss = NaN;
let trainStart: number;
if (engine === 'fast') {
  const { docs, tokenizer, model } = fast.prepare(loadDocs(text), 42);
  trainStart = performance.now();
  for (const step of fast.train(model, tokenizer, docs, { numSteps })) lastLoss = step.loss;
} else {
  const { docs, tokenizer, model } = prepare(loadDocs(text), 42);
  trainStart = performance.now();
  for (const step of train(model, tokenizer, docs, { numSteps })) lastLoss = step.loss;
}
const end = performance.now();
console.log(JSON.stringify({ engine, wallMs: end - start, trainMs: end - trainStart, maxRssKb: process.resourceUsage().maxRSS, lastLoss }));
