// @ts-check
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { chaptersInOrder } from './src/book/build/book.ts';
import { course } from './src/course/build/integration.ts';
import { componentModules } from './src/literate/build/engine-modules.ts';
import { offline } from './src/offline/build/integration.ts';

// Where the course is published and where its source lives, for a fork to set when it builds:
// SITE_URL makes canonical links and the sitemap point at the real site; REPOSITORY_URL (a GitHub
// or GitLab project, on REPOSITORY_BRANCH) adds "Edit page" links and a link to the repository.
const site = process.env.SITE_URL || 'http://localhost:4321';
const repository = process.env.REPOSITORY_URL?.replace(/\/+$/, '') || null;
const branch = process.env.REPOSITORY_BRANCH || 'main';

export default defineConfig({
  site,
  trailingSlash: 'always',
  integrations: [
    // first: it sets up the Markdown pipeline, which starlight() then adds its own plugins to
    course(),
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
      customCss: [
        'katex/dist/katex.min.css',
        'uplot/dist/uPlot.min.css',
        './src/site/site.css',
        './src/site/reading.css',
        './src/cells/cells.css',
        './src/site/teaching.css',
        './src/glossary/glossary.css',
      ],
      sidebar: [
        { label: 'Start here', link: '/' },
        { label: 'Chapters', items: chaptersInOrder('./content/chapters').map((slug) => `chapters/${slug}`) },
        { label: 'Glossary', link: '/glossary/' },
        { label: 'Playground', link: '/playground/' },
        { label: 'microgpt.py, line by line', link: '/python/' },
        {
          // folded unless the page is one of them: a chapter's reader tabs past two links, not twenty
          label: 'Engine source',
          collapsed: true,
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
        Pagination: './src/site/Pagination.astro',
        Search: './src/site/Search.astro',
        PageTitle: './src/site/PageTitle.astro',
      },
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
      head: [
        // installable: the web app manifest (src/offline/README.md)
        { tag: 'link', attrs: { rel: 'manifest', href: '/manifest.webmanifest' } },
        { tag: 'meta', attrs: { name: 'theme-color', content: '#3b4ad9' } },
        // Starlight loads search when the browser is next idle; in a busy or background tab that
        // moment can come late or never, and the search box stays empty. Give idle work a deadline.
        {
          tag: 'script',
          content: 'if(window.requestIdleCallback){const r=window.requestIdleCallback.bind(window);window.requestIdleCallback=(c,o)=>r(c,{timeout:500,...o})}',
        },
      ],
    }),
    mdx(),
    // after starlight(): the service worker's precache list needs Pagefind's index in dist/
    offline(),
  ],
  vite: {
    worker: { format: 'iife' },
    // pre-bundled when `astro dev` starts, not discovered (and reloaded) when a reader first runs a cell
    optimizeDeps: { include: ['sucrase', 'codemirror', '@codemirror/lang-javascript', '@codemirror/language', '@lezer/highlight', 'uplot'] },
  },
});
