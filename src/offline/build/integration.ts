// The course offline: after `astro build` (and Starlight's Pagefind index, so list this after
// starlight()), Workbox writes dist/sw.js with the precache list (precache.ts); every page loads
// page/register.ts, which registers it when the browser is idle. Under astro dev, /sw.js retires any
// worker a visit to the built site left (dev-worker.ts).
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { generateSW } from 'workbox-build';
import { retiredWorker } from './dev-worker.ts';
import { swOptions } from './precache.ts';

export function offline(): AstroIntegration {
  let base = '/';
  return {
    name: 'annotated-microgpt:offline',
    hooks: {
      'astro:config:setup': ({ command, config, injectScript, updateConfig }) => {
        injectScript('page', `import '/src/offline/page/register.ts';`);
        if (command === 'dev') updateConfig({ vite: { plugins: [retiredWorker(config.base.endsWith('/') ? config.base : `${config.base}/`)] } });
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
