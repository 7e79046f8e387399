// The course() integration owns the Markdown pipeline: the site and the book model parse a chapter
// with one list of syntax plugins, and nothing else adds to the syntax.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { chapterParser } from '../../book/build/parse.ts';
import { course, rehypePlugins, remarkPlugins } from './integration.ts';
import { syntaxPlugins } from './syntax.ts';

interface Processor {
  name: string;
  options: { gfm?: boolean; smartypants?: boolean; remarkPlugins: unknown[]; rehypePlugins: unknown[] };
}

async function configured(): Promise<{ markdown: { processor: Processor } }> {
  const updates: { markdown: { processor: Processor } }[] = [];
  const setup = course().hooks['astro:config:setup'] as (options: unknown) => void | Promise<void>;
  await setup({ updateConfig: (update: (typeof updates)[number]) => void updates.push(update) });
  assert.equal(updates.length, 1);
  return updates[0];
}

test('the site and the book model parse a chapter with the same syntax plugins, in the same order, and MDX adds none of its own', async () => {
  const { processor } = (await configured()).markdown;
  assert.equal(processor.name, 'unified');
  assert.deepEqual([processor.options.gfm, processor.options.smartypants], [false, false], "@astrojs/mdx's own GFM and smart punctuation are off");
  assert.deepEqual(processor.options.remarkPlugins.slice(0, syntaxPlugins.length), syntaxPlugins);
  assert.deepEqual(processor.options.remarkPlugins, remarkPlugins);
  assert.deepEqual(processor.options.rehypePlugins, rehypePlugins);
  assert.deepEqual(
    chapterParser.attachers.map(([plugin]) => plugin),
    [remarkParse, remarkMdx, ...syntaxPlugins],
  );
});

test('astro.config.mjs leaves the Markdown pipeline to course(), listed before starlight() so that Starlight adds its plugins to it', async () => {
  const { default: config } = await import('../../../astro.config.mjs');
  assert.equal(config.markdown, undefined);
  const names = (config.integrations ?? []).flat().map((i) => (i as { name: string }).name);
  assert.ok(names.indexOf('annotated-microgpt:course') !== -1 && names.indexOf('annotated-microgpt:course') < names.indexOf('@astrojs/starlight'), names.join(', '));
});
