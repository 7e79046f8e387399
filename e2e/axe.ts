// axe-core's WCAG 2.2 AA rules over a page (or a part of it), as one line per violation. In axe's
// legacy mode: it runs in the page and its frames as they are, instead of gathering partial results
// into a blank page of its own, which took half its time on a long chapter for the same verdicts.
// (Not with axe's resultTypes option: rules that weigh the whole page, such as landmark-unique, then
// see only part of it and report what is not there.)
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function wcagViolations(page: Page, { include, rules }: { include?: string; rules?: string[] } = {}): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_22_AA).setLegacyMode(true);
  if (include) builder = builder.include(include);
  if (rules) builder = builder.withRules(rules);
  const { violations } = await builder.analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target.join(' ')}`);
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
