// src/README.md draws the paths a cell and a hand-in take, a file a step: every file it names exists.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve(import.meta.dirname, '..');

test('every file src/README.md names exists', () => {
  const readme = readFileSync(resolve(root, 'src', 'README.md'), 'utf8');
  const named = [...readme.matchAll(/(?:^|[\s`(])((?:src|content|e2e|engine)\/[\w./<>-]+\.(?:ts|astro|mdx))/gm)].map((m) => m[1]).filter((p) => !p.includes('<'));
  assert.ok(named.length >= 25, `${named.length} paths found`);
  assert.deepEqual(
    named.filter((p) => !existsSync(resolve(root, p))),
    [],
  );
});
