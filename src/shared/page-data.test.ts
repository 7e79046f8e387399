import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scriptJson, versionHash } from './page-data.ts';

test('scriptJson cannot close its script element, and parses back to the same data', () => {
  const data = { code: 'if (a </script> b) {}', note: '<!-- x -->' };
  const json = scriptJson(data);
  assert.ok(!json.includes('<'), json);
  assert.deepEqual(JSON.parse(json), data);
});

test('versionHash changes with the text and with where the parts split', () => {
  assert.equal(versionHash('a', 'b'), versionHash('a', 'b'));
  assert.notEqual(versionHash('a', 'b'), versionHash('a', 'c'));
  assert.notEqual(versionHash('ab', ''), versionHash('a', 'b'));
  assert.match(versionHash('', 'console.log(1);'), /^[0-9a-f]{1,8}$/);
});
