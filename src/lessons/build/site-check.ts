// The cartridges link every reading and exercise to the site as configured (`site` in
// astro.config.mjs, from SITE_URL). Built without it, they point at localhost, which works for no
// student: the build says so (a check of the course() integration), and how to set it.
const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

export function localSiteWarning(site: string | undefined): string | null {
  const host = site ? new URL(site).hostname : 'localhost';
  if (!LOCAL.has(host) && !host.endsWith('.localhost')) return null;
  return `the lesson cartridges (/cartridges/*.imscc) link to ${site ?? 'localhost'}, which no student can open: build with SITE_URL=https://your.site to point them at the published site`;
}
