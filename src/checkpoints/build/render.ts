// The sealed data of one checkpoint, for <Checkpoint> while Astro renders a chapter. The book's
// checkpoints are computed once per build (and again in `astro dev` only when a chapter or the
// engine changes), in a process of their own, since computing runs cells in worker threads started
// from their own files; a problem there fails the build with every message at its file and line.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CheckpointPageData } from '../shared/data.ts';
import { inputsHash } from '../../course/build/inputs.ts';

const root = process.cwd();
let known: { key: string; data: CheckpointPageData[] } | null = null;

function inputsKey(): string {
  const hash = createHash('sha256').update(inputsHash(root));
  const chapters = resolve(root, 'content/chapters');
  for (const f of readdirSync(chapters).sort()) if (f.endsWith('.mdx')) hash.update(f).update(readFileSync(resolve(chapters, f)));
  return hash.digest('hex');
}

export function bookCheckpoints(): CheckpointPageData[] {
  const key = inputsKey();
  if (known?.key === key) return known.data;
  const result = spawnSync(process.execPath, ['src/checkpoints/build/check-checkpoints.ts', '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`checkpoints do not follow from the code:\n${(result.stderr || String(result.error ?? '')).trim()}`);
  known = { key, data: JSON.parse(result.stdout) as CheckpointPageData[] };
  return known.data;
}

// the checkpoint with this id in this chapter (the chapter from the page's address; an id unique in
// the book is found without it)
export function checkpointFor(chapter: string | null, id: string): CheckpointPageData {
  const all = bookCheckpoints();
  const found = chapter ? all.filter((c) => c.chapter === chapter && c.id === id) : all.filter((c) => c.id === id);
  if (found.length !== 1) throw new Error(`<Checkpoint id="${id}">: ${found.length === 0 ? 'no such checkpoint' : 'the id is in several chapters'}${chapter ? ` in chapter "${chapter}"` : ''}`);
  return found[0];
}
