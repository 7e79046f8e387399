// The course as one Astro integration, as starlight() is one: it owns the Markdown pipeline (the
// syntax the book model parses with, then each feature's remark and rehype plugins, in the order
// they need) and the checks `astro build` runs before it builds anything. List it before
// starlight(), which adds its own plugins to the pipeline this sets up.
//
// Everything here runs in Astro's own process, loaded from astro.config.mjs with the files' real
// URLs, so the checks start their worker threads from their own files, and the remark plugins read
// the very book model and results the checks computed (the same module instances).
import { type RehypePlugins, type RemarkPlugins, unified } from '@astrojs/markdown-remark';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { resolve } from 'node:path';
import rehypeKatex from 'rehype-katex';
import type { Plugin } from 'vite';
import { loadBook } from '../../book/build/book.ts';
import { deeperProblems, deeperSlugs } from '../../book/build/core-path.ts';
import { checkCells, formatReport } from '../../cells/build/check.ts';
import { remarkCells } from '../../cells/build/remark.ts';
import { bookCheckpoints } from '../../checkpoints/build/book-checkpoints.ts';
import { remarkCheckpoints } from '../../checkpoints/build/remark.ts';
import { remarkExercises } from '../../exercises/build/remark.ts';
import { remarkGlossary } from '../../glossary/build/remark.ts';
import { loadLessons } from '../../lessons/build/lessons.ts';
import { localSiteWarning } from '../../lessons/build/site-check.ts';
import { themes } from '../../literate/build/highlight.ts';
import { remarkLiterate } from '../../literate/build/remark.ts';
import { loadLineMap } from '../../python/build/line-map.ts';
import { copyPyodide, servePyodide } from '../../python/build/pyodide.ts';
import { remarkDeeper } from '../../site/build/remark-deeper.ts';
import { rehypeSearchMathOnce } from '../../site/build/rehype-search-math-once.ts';
import { courseData } from './data.ts';
import { syntaxPlugins } from './syntax.ts';

// the chapter's own plugins, after the syntax: quotes are checked before cells, exercises and
// checkpoints become components, glossary links go into the prose that is left, and last the
// deeper sections are folded, everything in them already rendered
export const remarkPlugins = [...syntaxPlugins, remarkLiterate, remarkCells, remarkExercises, remarkCheckpoints, remarkGlossary, remarkDeeper] as RemarkPlugins;
// KaTeX renders the math; search then skips its MathML copy
export const rehypePlugins = [rehypeKatex, rehypeSearchMathOnce] as RehypePlugins;

export interface BuildCheck {
  name: string;
  // run while Astro builds, the build failing at its end: nothing it checks changes what is built
  alongside?: boolean;
  run(context: { site: string | undefined; logger: Pick<AstroIntegrationLogger, 'info' | 'warn'> }): void | Promise<void>;
}

// what `astro build` checks, in order; each throws with every problem at its file and line
export const buildChecks: BuildCheck[] = [
  {
    name: 'lessons',
    run: ({ logger }) => logger.info(`${loadLessons().length} lessons checked`), // throws a LessonError listing every problem
  },
  {
    name: 'python line map',
    run: ({ logger }) => logger.info(`${loadLineMap().length} regions mapped to microgpt.py`), // throws a LineMapError listing every problem
  },
  {
    name: 'core path',
    run: ({ logger }) => {
      const book = loadBook();
      const problems = book.flatMap((chapter) => deeperProblems(chapter));
      if (problems.length > 0) throw new Error(`the chapters' deeper sections:\n${problems.join('\n')}`);
      logger.info(`${book.reduce((n, c) => n + deeperSlugs(c.data).length, 0)} deeper sections folded`);
    },
  },
  {
    name: 'cartridge links',
    run: ({ site, logger }) => {
      const warning = localSiteWarning(site);
      if (warning) logger.warn(warning);
    },
  },
  {
    name: 'cells',
    alongside: true, // the cells' worker threads keep the second core busy while Astro renders on one
    run: async ({ logger }) => {
      const report = await checkCells();
      const text = formatReport(report);
      if (report.problems.length > 0) throw new Error(`chapter cells do not match the book:\n${text}`);
      logger.info(text.split('\n').at(-1)!);
    },
  },
  {
    name: 'checkpoints',
    // computed once here, for the remark plugin and the pages; throws with every stale answer
    run: async ({ logger }) => logger.info(`${(await bookCheckpoints()).length} checkpoints computed and sealed`),
  },
];

export const COURSE_MODULE = 'virtual:annotated-microgpt/course';
const resolved = `\0${COURSE_MODULE}`;
// what the course data is computed from: an edit to any of it (astro dev) gives the pages new data
const sources = ['content', 'lessons', 'engine/src', 'engine/fast'].map((dir) => resolve(dir));

// the pages' data (data.ts) as a module; in astro dev, made again after an edit to what it comes from
function courseModule(): Plugin {
  return {
    name: 'annotated-microgpt:course-data',
    resolveId: (id) => (id === COURSE_MODULE ? resolved : undefined),
    load: async (id) => (id === resolved ? `export default ${JSON.stringify(await courseData())};` : undefined),
    configureServer(server) {
      server.watcher.add(sources);
      server.watcher.on('change', (file) => {
        if (!sources.some((dir) => file.startsWith(dir))) return;
        for (const environment of Object.values(server.environments)) {
          const module = environment.moduleGraph.getModuleById(resolved);
          if (module) environment.moduleGraph.invalidateModule(module);
        }
      });
    },
  };
}

export function course(): AstroIntegration {
  let site: string | undefined;
  let alongside: Promise<void>[] = [];
  return {
    name: 'annotated-microgpt:course',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          markdown: {
            // gfm and smartypants off: the syntax plugins above carry them, once
            processor: unified({ gfm: false, smartypants: false, remarkPlugins: [...remarkPlugins], rehypePlugins: [...rehypePlugins] }),
            syntaxHighlight: 'shiki',
            shikiConfig: { themes, langAlias: { output: 'plaintext' } }, // the quoted engine source's themes
          },
          vite: { plugins: [courseModule(), servePyodide()] },
        });
      },
      'astro:config:done': ({ config }) => {
        site = config.site;
      },
      'astro:build:start': async ({ logger }) => {
        for (const check of buildChecks.filter((c) => !c.alongside)) await check.run({ site, logger });
        alongside = buildChecks.filter((c) => c.alongside).map((c) => Promise.resolve(c.run({ site, logger })));
        for (const check of alongside) check.catch(() => {}); // reported when the build is done
      },
      'astro:build:done': async ({ dir }) => {
        await Promise.all(alongside);
        copyPyodide(dir); // the Python runner's, served from the site itself
      },
    },
  };
}
