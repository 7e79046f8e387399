// npm run bench [-- --runs N --steps N]: trains 1000 steps on names.txt (../shared), or on the
// default dataset where ../shared is absent, in several fresh processes; prints the median wall
// time, ms/step and peak memory.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const namesTxt = resolve(here, '..', '..', '..', 'shared', 'data', 'names.txt');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, steps: { type: 'string', default: '1000' } } });
const runs = Number(values.runs);
const steps = Number(values.steps);
const data = existsSync(namesTxt) ? namesTxt : 'default';
// the same V8 flags as `npm run train` (see package.json)
const nodeFlags = ['--max-semi-space-size=128', '--min-semi-space-size=128'];

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

console.log(`bench: ${steps} training steps on ${data === 'default' ? 'the default dataset (../shared is absent)' : 'names.txt'}, ${runs} runs, node ${process.version} ${nodeFlags.join(' ')}`);
const results: { wallMs: number; maxRssKb: number }[] = [];
for (let i = 0; i < runs; i++) {
  const out = execFileSync(process.execPath, [...nodeFlags, join(here, 'train-once.ts'), data, String(steps)], { encoding: 'utf8' });
  const result = JSON.parse(out);
  results.push(result);
  console.log(`run ${i + 1}: ${(result.wallMs / 1000).toFixed(2)} s, ${(result.wallMs / steps).toFixed(2)} ms/step, peak RSS ${(result.maxRssKb / 1024).toFixed(0)} MB`);
}
const wall = median(results.map((r) => r.wallMs));
console.log(`median wall time: ${(wall / 1000).toFixed(2)} s`);
console.log(`median ms/step:   ${(wall / steps).toFixed(2)}`);
console.log(`peak memory:      ${(Math.max(...results.map((r) => r.maxRssKb)) / 1024).toFixed(0)} MB (max RSS over runs)`);
