// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { chaptersInOrder } from './src/build/chapters.ts';
import { remarkCells } from './src/build/cells/remark-cells.ts';
import { checkCells } from './src/build/integrations/check-cells.ts';
import { checkLessons } from './src/build/integrations/check-lessons.ts';
import { checkCartridgeSite } from './src/build/cartridge/site-check.ts';
import { remarkGlossary } from './src/build/glossary/remark-glossary.ts';
import { themes } from './src/build/literate/highlight.ts';
import { remarkLiterate } from './src/build/literate/remark-literate.ts';
import { rehypeSearchMathOnce } from './src/build/search/rehype-search-math-once.ts';
import { componentModules } from './src/shared/engine-modules.ts';
import { pythonFeature } from './src/python/build/integration.ts';

// Where the course is published and where its source lives, for a fork to set when it builds:
// SITE_URL makes canonical links and the sitemap point at the real site; REPOSITORY_URL (a GitHub
// or GitLab project, on REPOSITORY_BRANCH) adds "Edit page" links and a link to the repository.
const site = process.env.SITE_URL || 'http://localhost:4321';
const repository = process.env.REPOSITORY_URL?.replace(/\/+$/, '') || null;
const branch = process.env.REPOSITORY_BRANCH || 'main';

export default defineConfig({
  site,
  trailingSlash: 'always',
  markdown: {
    // Astro 7's default processor ignores remark/rehype plugins; KaTeX needs unified's
    processor: unified({ remarkPlugins: [remarkMath, remarkLiterate, remarkCells, remarkGlossary], rehypePlugins: [rehypeKatex, rehypeSearchMathOnce] }),
    syntaxHighlight: 'shiki',
    shikiConfig: { themes, langAlias: { output: 'plaintext' } }, // the quoted engine source's themes
  },
  integrations: [
    starlight({
      title: 'Annotated microgpt',
      description: 'Learn how a GPT works by reading microgpt, a complete GPT in about 200 lines, one component per chapter.',
      expressiveCode: false,
      ...(repository
        ? {
            editLink: { baseUrl: `${repository}/edit/${branch}/` },
            social: [{ icon: repository.includes('gitlab') ? 'gitlab' : 'github', label: 'Source', href: repository }],
          }
        : {}),
      customCss: ['katex/dist/katex.min.css', 'uplot/dist/uPlot.min.css', './src/styles/site.css', './src/styles/cells.css', './src/styles/teaching.css', './src/styles/glossary.css'],
      sidebar: [
        { label: 'Start here', link: '/' },
        { label: 'Chapters', items: chaptersInOrder('./content/chapters').map((slug) => `chapters/${slug}`) },
        { label: 'Glossary', link: '/glossary/' },
        { label: 'microgpt.py, line by line', link: '/python/' },
        {
          label: 'Engine source',
          items: componentModules.map((m) => ({
            label: `${m}.ts`,
            link: `/engine/${m}/`,
          })),
        },
        {
          label: 'For instructors',
          items: [
            { label: 'Lesson plans', link: '/lessons/' },
            { label: 'Assign a lesson', link: '/assign/' },
            { label: 'Grade hand-ins', link: '/grade/' },
          ],
        },
      ],
      components: {
        Pagination: './src/components/Pagination.astro',
        Search: './src/components/Search.astro',
        PageTitle: './src/components/PageTitle.astro',
      },
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
      head: [
        // Starlight loads search when the browser is next idle; in a busy or background tab that
        // moment can come late or never, and the search box stays empty. Give idle work a deadline.
        {
          tag: 'script',
          content: 'if(window.requestIdleCallback){const r=window.requestIdleCallback.bind(window);window.requestIdleCallback=(c,o)=>r(c,{timeout:500,...o})}',
        },
      ],
    }),
    mdx(),
    checkLessons(),
    checkCartridgeSite(),
    checkCells(),
    pythonFeature(),
  ],
  vite: {
    worker: { format: 'iife' },
    // pre-bundled when `astro dev` starts, not discovered (and reloaded) when a reader first runs a cell
    optimizeDeps: { include: ['sucrase', 'codemirror', '@codemirror/lang-javascript', '@codemirror/language', '@lezer/highlight', 'uplot'] },
  },
});
