// Astro integration: the cartridges link every reading and exercise to the site as configured
// (`site` in astro.config.mjs, from SITE_URL). Built without it, they point at localhost, which
// works for no student: the build says so, and how to set it.
import type { AstroIntegration } from 'astro';

const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

export function localSiteWarning(site: string | undefined): string | null {
  const host = site ? new URL(site).hostname : 'localhost';
  if (!LOCAL.has(host) && !host.endsWith('.localhost')) return null;
  return `the lesson cartridges (/cartridges/*.imscc) link to ${site ?? 'localhost'}, which no student can open: build with SITE_URL=https://your.site to point them at the published site`;
}

export function checkCartridgeSite(): AstroIntegration {
  let site: string | undefined;
  return {
    name: 'microgpt:check-cartridge-site',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
      },
      'astro:build:start': ({ logger }) => {
        const warning = localSiteWarning(site);
        if (warning) logger.warn(warning);
      },
    },
  };
}
