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
      // Highlighted code is thousands of token spans (6,000 in the GPT chapter), and whether one meets
      // colour contrast depends on its colour, size, weight, shadow and opacity and on what lies
      // behind it. In each block of code, axe weighs one token of each such style: the first it
      // checks whose text has a letter or a digit, is on screen, and has nothing but its own
      // ancestors at its centre; the others of that style in that block are left out. A block with
      // anything positioned inside it, or with nothing opaque behind its text, has each token
      // weighed. The rule's own matcher is wrapped on axe's rule object (axe._audit): axe.configure
      // can replace a matcher but gives no way to call the one it replaces. An axe without that
      // object fails here, loudly.
      type Matches = (node: Element, virtualNode: unknown, context: unknown) => boolean;
      type Rule = { id: string; matches: Matches; axeMatches?: Matches };
      const contrast = (axe as unknown as { _audit: { rules: Rule[] } })._audit.rules.find((rule) => rule.id === 'color-contrast')!;
      const layers = new Map<Element, { key: string; opaque: boolean }>();
      const behind = (el: Element): { key: string; opaque: boolean } => {
        let layer = layers.get(el);
        if (!layer) {
          const own = getComputedStyle(el);
          const parts = [own.backgroundColor, own.backgroundImage, own.opacity, own.filter, own.mixBlendMode];
          for (const pseudo of ['::before', '::after'].map((p) => getComputedStyle(el, p))) parts.push(pseudo.backgroundColor, pseudo.backgroundImage);
          const opaque = /^rgb\(/.test(own.backgroundColor) && own.backgroundImage === 'none';
          const parent = opaque || !el.parentElement ? { key: '', opaque } : behind(el.parentElement);
          layer = { key: `${parts.join(' ')} / ${parent.key}`, opaque: parent.opaque };
          layers.set(el, layer);
        }
        return layer;
      };
      const styles = new Map<Element, string>();
      const blocks = (include ? [...document.querySelectorAll(include)] : [document]).flatMap((part) => [...part.querySelectorAll('pre')]);
      blocks.forEach((pre, block) => {
        const inside = [...pre.querySelectorAll('*')];
        if (!behind(pre).opaque || inside.some((el) => getComputedStyle(el).position !== 'static')) return;
        for (const token of inside) {
          if (token.firstElementChild || !token.textContent?.trim()) continue;
          const s = getComputedStyle(token);
          styles.set(token, [block, s.color, s.fontSize, s.fontWeight, s.textShadow, behind(token).key].join('|'));
        }
      });
      const weighed = new Set<string>();
      contrast.axeMatches ??= contrast.matches;
      const axeMatches = contrast.axeMatches;
      contrast.matches = function (node, virtualNode, context) {
        const style = styles.get(node);
        if (style !== undefined && weighed.has(style)) return false;
        const applies = axeMatches.call(this, node, virtualNode, context);
        if (style === undefined || !applies || !/[\p{L}\p{N}]/u.test(node.textContent ?? '')) return applies;
        const dom = axe.commons.dom as unknown as { isVisibleOnScreen: (v: unknown) => boolean; getElementStack: (n: Element) => Element[] };
        const stack = dom.getElementStack(node);
        const pre = node.closest('pre')!;
        if (dom.isVisibleOnScreen(virtualNode) && stack.includes(pre) && stack.slice(0, stack.indexOf(pre) + 1).every((el) => el.contains(node))) weighed.add(style);
        return applies;
      };
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
