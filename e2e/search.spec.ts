import { expect, test } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

// a word that appears in the body of exactly one chapter, read from the chapters themselves
function wordOnlyIn(slug: string): string {
  const dir = resolve(import.meta.dirname, '..', 'content', 'chapters');
  const words = (file: string) =>
    new Set(
      readFileSync(join(dir, file), 'utf8')
        .replace(/^---[\s\S]*?---/, '') // frontmatter
        .replace(/```[\s\S]*?```|\$\$[\s\S]*?\$\$|`[^`]*`|<[^>]*>/g, ' ') // code, math, tags
        .toLowerCase()
        .match(/\b[a-z]{8,}\b/g) ?? [],
    );
  const others = readdirSync(dir).filter((f) => f.endsWith('.mdx') && f !== `${slug}.mdx`).map(words);
  const unique = [...words(`${slug}.mdx`)].filter((w) => others.every((o) => !o.has(w)));
  if (unique.length === 0) throw new Error(`no word is unique to ${slug}`);
  return unique[0];
}

for (const [slug, open] of [
  ['tokenizer', '/'],
  ['adam', 'Control+k'],
] as const) {
  test(`search opens with ${open} and finds the ${slug} chapter by a word from its body`, async ({ page }) => {
    const word = wordOnlyIn(slug);
    await page.goto('/chapters/introduction/');
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press(open);
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    const input = dialog.getByRole('textbox');
    await input.fill(word);
    const result = dialog.locator(`a[href$="/chapters/${slug}/"], a[href*="/chapters/${slug}/#"]`).first();
    await expect(result, `searching for "${word}"`).toBeVisible({ timeout: 15_000 });
  });
}

test('"/" typed in the search box is text, not a shortcut', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  const input = page.getByRole('dialog').getByRole('textbox');
  await input.fill('a/b');
  await expect(input).toHaveValue('a/b');
});
