// Under `astro dev`, on the port `npm start` also uses: a browser that once loaded the built site
// keeps its service worker, which would answer with the built pages instead of the live ones. The
// dev server answers /sw.js with a worker that takes over, unregisters itself and reloads its pages.
import type { Plugin } from 'vite';
import { SW_FILE } from './precache.ts';

export const RETIRING_WORKER = `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    await self.registration.unregister();
    for (const client of await self.clients.matchAll({ type: 'window' })) client.navigate(client.url);
  })());
});
`;

export function retiredWorker(base = '/'): Plugin {
  return {
    name: 'annotated-microgpt:retired-service-worker',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== `${base}${SW_FILE}`) return next();
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' });
        res.end(RETIRING_WORKER);
      });
    },
  };
}
