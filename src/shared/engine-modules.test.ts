import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { componentModules } from './engine-modules.ts';

test('the component modules are the engine/src/*.ts files but cli.ts and index.ts, each once', () => {
  const files = readdirSync(new URL('../../engine/src/', import.meta.url))
    .filter((f) => f.endsWith('.ts') && f !== 'cli.ts' && f !== 'index.ts')
    .map((f) => f.replace(/\.ts$/, ''));
  assert.deepEqual([...componentModules].sort(), files.sort());
  assert.equal(new Set(componentModules).size, componentModules.length);
});
