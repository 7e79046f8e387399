import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaults, format, keys, parseSettings } from './settings.ts';
import { fingerprint, pack, unpack } from './text-codec.ts';
import { MAX_TEXT_BYTES } from './limits.ts';
import { readQuery, writeQuery } from './url-state.ts';
import { toBase64Url } from './base64.ts';

test('the default run’s link is bare, and every other setting survives the round trip', () => {
  assert.equal(writeQuery(defaults, { kind: 'names' }), '');
  const { settings } = parseSettings({
    nLayer: '2',
    nEmbd: '24',
    nHead: '6',
    blockSize: '20',
    steps: '300',
    learningRate: '0.02',
    seed: '-7',
    temperature: '0.8',
    samples: '5',
    prompt: 'ma ?&=#',
    evalEvery: '50',
    sampleEvery: '25',
    snapshotEvery: '5',
  });
  const query = writeQuery(settings!, { kind: 'names' }, { key: 'learningRate', value: '0.05' });
  const back = readQuery(query);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(parseSettings(back.raw).settings, settings);
  assert.deepEqual(back.compare, { key: 'learningRate', value: '0.05' });
  for (const key of keys) assert.equal(back.raw[key], format(settings!, key), key);
});

test('a link’s bad value reaches the form as typed, to get its message there', () => {
  const { raw, problems } = readQuery('?n-head=3&steps=lots&colour=red');
  assert.deepEqual(raw, { nHead: '3', steps: 'lots' });
  assert.deepEqual(problems, ['the link\'s "colour" is not a setting of the playground; it was left out']);
  assert.deepEqual(
    parseSettings(raw).errors.map((e) => e.key),
    ['steps', 'nHead'],
  );
});

test('data: pasted text travels packed; a file or long text by its fingerprint; anything else is said', async () => {
  const text = 'ada\nbo\ncy\n';
  const packed = await pack(text);
  const query = writeQuery(defaults, { kind: 'text', packed });
  const read = readQuery(query);
  assert.deepEqual(read.data, { kind: 'text', packed });
  assert.equal(await unpack((read.data as { packed: string }).packed), text);

  const sha256 = (await fingerprint(text))!;
  assert.match(sha256, /^[0-9a-f]{64}$/);
  const file = { kind: 'file' as const, name: 'names.txt', sha256, docs: 3 };
  assert.deepEqual(readQuery(writeQuery(defaults, file)).data, file);
  assert.deepEqual(readQuery('?data=file&name=x.txt').data, { kind: 'names' });
  assert.match(readQuery('?data=file&name=x.txt').problems[0], /incomplete; the default names are used instead/);
  assert.match(readQuery('?compare=colour:red').problems[0], /does not name a setting/);
  assert.match(readQuery('?compare=eval-every:3').problems[0], /does not name a setting/);
});

test('attack: a link whose text inflates far past the limit is refused without inflating it all', async () => {
  // 40 MB of one letter deflates to about 40 KB: a small link, a large text
  const bomb = await pack('a'.repeat(40_000_000));
  assert.ok(bomb.length < 60_000, `the bomb is small (${bomb.length} characters)`);
  const before = process.memoryUsage().arrayBuffers;
  await assert.rejects(unpack(bomb), { name: 'PackError', message: `the link's text unpacks to more than ${MAX_TEXT_BYTES / 1e6} MB, the playground's limit` });
  assert.ok(process.memoryUsage().arrayBuffers - before < 3 * MAX_TEXT_BYTES, 'it stopped near the limit');
});

test('attack: damaged or foreign link text gets a message, not a crash', async () => {
  await assert.rejects(unpack('!!!'), { name: 'PackError', message: "the link's text is not base64url" });
  await assert.rejects(unpack(toBase64Url(new Uint8Array([255, 255, 255, 255]))), { name: 'PackError', message: "the link's text is damaged: it does not unpack" });
  const latin1 = await packBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9]));
  await assert.rejects(unpack(latin1), { name: 'PackError', message: "the link's text is not UTF-8" });
});

async function packBytes(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}
