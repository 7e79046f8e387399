import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { chapterSchema } from './book/build/chapters.ts';

// The chapters live in content/chapters/*.mdx. `chapters` validates their frontmatter strictly;
// `docs` is the same files as Starlight renders them at /chapters/<slug>/. (Starlight checks the
// site's other pages against the docs schema too, hence its chapter fields are optional there.)
const chapterFiles = () => glob({ pattern: 'chapters/*.mdx', base: './content' });

export const collections = {
  chapters: defineCollection({ loader: chapterFiles(), schema: chapterSchema.extend({ title: z.string().min(1), description: z.string().min(1) }) }),
  docs: defineCollection({ loader: chapterFiles(), schema: docsSchema({ extend: chapterSchema.partial() }) }),
};
