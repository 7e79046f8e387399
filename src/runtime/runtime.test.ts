import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import * as engine from '../../engine/src/index.ts';
import * as display from './display.ts';
import { OUTPUT_LIMITS, runCell } from './execute.ts';
import { formatArgs } from './format.ts';
import { NodeCellHost } from './build/node-host.ts';

const modules = { '@microgpt/engine': engine, '@microgpt/display': display };

test('a cell prints with console.log, imports the engine, and may await', async () => {
  const r = await runCell({ code: "import { Value } from '@microgpt/engine';\nconst v: Value = new Value(2).mul(3);\nawait null;\nconsole.log('v is', v.data);" }, modules);
  assert.deepEqual([r.output, r.error], ['v is 6\n', null]);
});

test("an error's line is its line in the visible code, after hidden setup lines", async () => {
  const r = await runCell({ setup: 'const a = 1;\nconst b = 2;', code: 'console.log(a + b);\n\nnull!.x;' }, modules);
  assert.equal(r.output, '3\n');
  assert.deepEqual(r.error, { name: 'TypeError', message: "Cannot read properties of null (reading 'x')", line: 3 });
  const syntax = await runCell({ code: 'const ok = 1;\nconst x = ;' }, modules);
  assert.deepEqual([syntax.error?.name, syntax.error?.line], ['SyntaxError', 2]);
  const inEngine = await runCell({ code: "import { Tokenizer } from '@microgpt/engine';\n\nnew Tokenizer(['ab']).encode('c');" }, modules);
  assert.deepEqual([inEngine.error?.name, inEngine.error?.line], ['RangeError', 3]);
});

test('a cell may import only the engine and the display module', async () => {
  const r = await runCell({ code: "import fs from 'node:fs';\nconsole.log(fs);" }, modules);
  assert.match(r.error!.message, /a cell can import only @microgpt\/engine, @microgpt\/display, not "node:fs"/);
});

test('output past the cap is cut with a notice', async () => {
  const streamed: string[] = [];
  const r = await runCell({ code: 'for (let i = 0; i < 100000; i++) console.log(i);' }, modules, { onOutput: (t) => streamed.push(t) });
  assert.equal(r.truncated, true);
  const lines = r.output.trimEnd().split('\n');
  assert.equal(lines.length, OUTPUT_LIMITS.lines + 1);
  assert.match(lines.at(-1)!, /^… output cut at 5,000 lines or 1 MB$/);
  assert.equal(streamed.length, OUTPUT_LIMITS.lines + 1);
  const wide = await runCell({ code: "console.log('x'.repeat(2_000_000));" }, modules);
  assert.equal(wide.truncated, true);
  assert.ok(wide.output.length < OUTPUT_LIMITS.bytes);
});

test('display functions record a rich output and print its text form', async () => {
  const r = await runCell(
    { code: "import { heatmap, lineChart, table } from '@microgpt/display';\nlineChart([3, 2, 2.5], { title: 'loss' });\ntable([{ ch: 'a', id: 0 }]);\nheatmap([[0.5, 0.5], [1, 0]]);" },
    modules,
  );
  assert.deepEqual(
    r.displays.map((d) => d.kind),
    ['line', 'table', 'heatmap'],
  );
  assert.equal(
    r.output,
    ['[loss]', '  y: 3 points, first 3.0000, last 2.5000, min 2.0000 at 2', '[table]', 'ch  id', '--  --', 'a   0', '[heatmap]', '      0    1', '0  0.50 0.50', '1  1.00 0.00', ''].join('\n'),
  );
});

test('values print the same way in every host', () => {
  assert.equal(
    formatArgs(['a', 1, -0, 2n, null, undefined, [1, 'b'], { k: [true] }, new Map([[1, 2]]), new engine.Value(1.5)]),
    "a 1 -0 2n null undefined [ 1, 'b' ] { k: [ true ] } Map(1) { 1 => 2 } Value(data=1.5, grad=0)",
  );
  const circular: Record<string, unknown> = {};
  circular.self = circular;
  assert.equal(formatArgs([circular]), '{ self: [Circular] }');
  assert.equal(formatArgs([Array.from({ length: 102 }, (_, i) => i)]).endsWith('99, ... 2 more items ]'), true);
});

test('the Node host stops a cell that never ends, and carries on with the next', async () => {
  const host = new NodeCellHost(1);
  try {
    const stuck = await host.run({ code: 'while (true) {}' }, 200);
    assert.deepEqual([stuck.error?.name, stuck.output], ['Timeout', '']);
    const next = await host.run({ code: 'console.log("still here")' }, 5000);
    assert.equal(next.output, 'still here\n');
  } finally {
    await host.close();
  }
});

test('a run still going when its Node host is closed (its caller gave up) ends its worker: nothing keeps the process alive', () => {
  const script = [
    `import { NodeCellHost } from ${JSON.stringify(new URL('./build/node-host.ts', import.meta.url).href)};`,
    'const host = new NodeCellHost(1);',
    "const run = host.run({ code: 'const end = Date.now() + 300;\\nwhile (Date.now() < end) {}\\nconsole.log(1);' }, 5000);",
    'await host.close();',
    'console.log((await run).output.trim());',
  ].join('\n');
  const file = join(mkdtempSync(join(tmpdir(), 'node-host-')), 'closed.mjs');
  writeFileSync(file, script);
  const child = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 15_000 });
  assert.equal(child.signal, null, 'the process ended by itself');
  assert.deepEqual([child.status, child.stdout.trim()], [0, '1'], child.stderr);
});
