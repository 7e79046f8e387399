import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { componentModules, fastModules, modulePath, teachingModules } from './engine-modules.ts';

const modulesIn = (dir: string, prefix: string): string[] =>
  readdirSync(new URL(`../../../engine/${dir}/`, import.meta.url))
    .filter((f) => f.endsWith('.ts') && f !== 'cli.ts' && f !== 'index.ts')
    .map((f) => prefix + f.replace(/\.ts$/, ''));

test('the component modules are the engine/src/*.ts files but cli.ts and index.ts, each once', () => {
  assert.deepEqual([...teachingModules].sort(), modulesIn('src', '').sort());
  assert.equal(new Set(componentModules).size, componentModules.length);
});

test("the fast engine's component modules are the engine/fast/*.ts files but index.ts", () => {
  assert.deepEqual([...fastModules].sort(), modulesIn('fast', 'fast/').sort());
  assert.equal(modulePath('fast/model'), 'engine/fast/model.ts');
  assert.equal(modulePath('model'), 'engine/src/model.ts');
});
