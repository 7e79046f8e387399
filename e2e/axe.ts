// axe-core's WCAG 2.2 AA rules over a page (or a part of it), as one line per violation. axe runs in
// the page and in each of its frames (injected into every frame, as axe's own Playwright runner
// does in its legacy mode), and only the violations leave the page: axe's full result also lists
// every node each rule passed, which on a long chapter (16,000 elements) took longer to copy out of
// the page than axe took to check it; asked for violations alone (resultTypes), axe also skips
// describing each node a rule passed, a tenth of its time on a chapter. Rules that weigh the whole
// page (landmark-unique) see all of it.
import type { Page } from '@playwright/test';
import axe from 'axe-core';

export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Options {
  include?: string;
  rules?: string[];
}

export async function wcagViolations(page: Page, { include, rules }: Options = {}): Promise<string[]> {
  for (const frame of page.frames()) {
    // once per frame: a page checked again, in its other theme, has it already, and is not sent
    // axe's source (1.5 MB) again; a frame that runs no script (sandboxed without scripts, or gone)
    // has nothing axe can check from inside
    const has = await frame.evaluate(`typeof axe === 'object'`).catch(() => null);
    if (has === false) await frame.evaluate(`${axe.source}; axe.configure({ allowedOrigins: ['<same_origin>'] });`).catch(() => {});
  }
  const runOnly = rules ? { type: 'rule' as const, values: rules } : { type: 'tag' as const, values: WCAG_22_AA };
  return page.evaluate(
    async ({ include, runOnly }) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const { violations } = await axe.run(include ? { include: [include] } : document, { runOnly, resultTypes: ['violations'] });
      return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target.join(' ')}`);
    },
    { include, runOnly },
  );
}

// the page in the dark theme, as Starlight's theme picker sets it (the attribute its styles key on,
// and the choice it keeps), without moving the pointer or the focus off what is being checked
export async function useDarkTheme(page: Page): Promise<void> {
  await page.evaluate(() => {
    localStorage.setItem('starlight-theme', 'dark');
    document.documentElement.dataset.theme = 'dark';
  });
}

// the rules whose verdict can change with the theme: they compare colours
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

// every rule in the light theme, then the colour rules in the dark theme, in the same load
export async function wcagInBothThemes(page: Page, include?: string): Promise<{ light: string[]; dark: string[] }> {
  const light = await wcagViolations(page, { include });
  await useDarkTheme(page);
  const dark = await wcagViolations(page, { include, rules: COLOUR_RULES });
  return { light, dark };
}
