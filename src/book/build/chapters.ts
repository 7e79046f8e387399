// The chapters' frontmatter, validated when the site builds (the content collection's schema).
import { z } from 'astro/zod';

// the engine modules a chapter's component lives in (engine/src/<module>.ts)
import { componentModules as engineModules } from '../../literate/build/engine-modules.ts';
export { engineModules };

export const chapterSlugs = ['introduction', 'dataset', 'tokenizer', 'autograd', 'gpt', 'adam', 'training', 'inference', 'fast', 'what-it-reveals', 'next', 'matching-python'] as const;

export const chapterSchema = z.object({
  // the component as the seed article names it, e.g. "Autograd"; "Overview" for the first and last chapters
  component: z.string().min(1),
  // reading order, 1 = introduction
  order: z.number().int().min(1),
  // one or two sentences for the home page and the chapter list
  summary: z.string().min(20),
  // the engine modules that implement this component
  modules: z.array(z.enum(engineModules)).default([]),
  // about how many lines microgpt.py spends on this component (the seed article's count)
  seedLines: z.number().int().positive().optional(),
  // what the chapter expects a reader to know already, said at its top
  assumes: z.string().min(5),
  // what a reader can do after the chapter
  objectives: z.array(z.string().min(5)).min(1),
  // the anchors of its h2 sections a first reading can skip: the page folds them, and the core
  // path's time leaves them out (src/book/build/core-path.ts checks each is a real h2's at build)
  deeper: z.array(z.string().regex(/^[a-z0-9-]+$/, "an h2 section's anchor, e.g. why-several-heads")).default([]),
});

export type ChapterData = z.infer<typeof chapterSchema>;
