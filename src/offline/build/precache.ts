// What the service worker keeps for offline reading, and how: Workbox's generateSW options for the
// built site in `dir`. Every page, script, style, font and search file is precached at install;
// left out is what no reader needs offline (each rule says why).
import type { GenerateSWOptions, ManifestTransform } from 'workbox-build';

export const SW_FILE = 'sw.js';
// Workbox warns about, and leaves out, any single file past this; the largest chapter page is ~1 MB
export const MAX_FILE_BYTES = 3 * 1024 * 1024;

export const leftOut = [
  'cartridges/**', // IMS cartridges: an instructor downloads one to upload to an LMS, online
  '**/*.{woff,ttf}', // KaTeX's fonts in older formats: every browser with service workers reads woff2
  '**/pyodide/**', // the optional Python view's own runtime (tens of MB), fetched only when asked for
  'pagefind/pagefind-{component-ui,modular-ui,highlight}.*', // Pagefind's other UIs: Starlight bundles its own
  'pagefind/pagefind-ui.{js,css}',
  'sitemap-*.xml', // for search engines
  'print/**', // the whole book on one page (several MB), for printing: the chapters are all here
  SW_FILE,
  'workbox-*.js', // the service worker's own runtime
];

// Starlight links /dir/, never /dir/index.html: the cache keys are the URLs pages use, so a page
// opened offline is found under the address in the link. 404.html stays a file: it is the fallback.
export function pageUrl(base: string): ManifestTransform {
  return async (entries) => ({
    manifest: entries.map((entry) => ({ ...entry, url: base + entry.url.replace(/(^|\/)index\.html$/, '$1') })),
    warnings: [],
  });
}

export function swOptions(dir: string, base = '/'): GenerateSWOptions {
  return {
    globDirectory: dir,
    globPatterns: ['**/*'],
    globIgnores: leftOut,
    swDest: `${dir}/${SW_FILE}`,
    maximumFileSizeToCacheInBytes: MAX_FILE_BYTES,
    manifestTransforms: [pageUrl(base)],
    // Vite's hashed files change name when they change: no revision needed
    dontCacheBustURLsMatching: /^_astro\//,
    // a static site: no file's content depends on its query (the playground's settings and an
    // assignment's link live there; Pagefind adds ?ts= to its fetches), so any query is ignored
    ignoreURLParametersMatching: [/./],
    // the first visit's page is controlled at once, so it works offline without a reload
    clientsClaim: true,
    // a new version waits until the reader agrees to reload (page/updates.ts asks)
    skipWaiting: false,
    cleanupOutdatedCaches: true,
    // a page that is not precached comes from the network; offline, the 404 page says why
    runtimeCaching: [
      {
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: `${base}404.html` } },
      },
    ],
    sourcemap: false,
    mode: 'production',
  };
}
