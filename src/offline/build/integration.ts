// The course offline: after `astro build` (and Starlight's Pagefind index, so list this after
// starlight()), Workbox writes dist/sw.js with the precache list (precache.ts); every page loads
// page/register.ts, which registers it when the browser is idle.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { generateSW } from 'workbox-build';
import { swOptions } from './precache.ts';

export function offline(): AstroIntegration {
  let base = '/';
  return {
    name: 'annotated-microgpt:offline',
    hooks: {
      'astro:config:setup': ({ injectScript }) => {
        injectScript('page', `import '/src/offline/page/register.ts';`);
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { count, size, warnings } = await generateSW(swOptions(fileURLToPath(dir).replace(/\/$/, ''), base));
        for (const warning of warnings) logger.warn(warning);
        logger.info(`service worker: ${count} files precached, ${(size / 1024 / 1024).toFixed(1)} MiB`);
      },
    },
  };
}
