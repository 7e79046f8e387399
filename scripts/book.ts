// npm run book: the whole course as one tagged PDF with an outline and page numbers, from /print/
// of the built site (built first when dist/ has no /print/ page, or with --build).
//   npm run book [-- --out microgpt-book.pdf] [--no-answers] [--chapters tokenizer,autograd] [--build]
// --chapters makes a handout of those chapters only; --no-answers leaves out the checkpoints' answers (a copy for students, whose checkpoints may count).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeBook } from '../src/print/build/pdf.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'microgpt-book.pdf' },
    'no-answers': { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    chapters: { type: 'string' },
    dist: { type: 'string', default: 'dist' },
  },
});
const started = performance.now();
const dist = resolve(values.dist);
if (values.build || !existsSync(resolve(dist, 'print', 'index.html'))) {
  console.log('building the site first (npm run build)…');
  const built = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['astro', 'build'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const out = resolve(values.out);
const { bytes, seconds, loadSeconds, problems } = await writeBook({ dist, out, answers: !values['no-answers'], chapters: values.chapters?.split(',').map((s) => s.trim()) });
console.log(
  `${out}: ${(bytes / 1024 / 1024).toFixed(1)} MiB, made in ${seconds.toFixed(1)} s (the page ready in ${loadSeconds.toFixed(1)} s; ${((performance.now() - started) / 1000).toFixed(1)} s in all)`,
);
for (const problem of problems) console.warn(`/print/: ${problem}`);
