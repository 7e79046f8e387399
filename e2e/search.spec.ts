import { expect, test } from '@playwright/test';
import { loadBook } from '../src/book/build/book.ts';

// a word that appears in the prose of exactly one chapter, read from the book model
function wordOnlyIn(slug: string): string {
  const words = new Map(loadBook().map((c) => [c.slug, new Set(c.prose.flatMap((p) => p.value.toLowerCase().match(/\b[a-z]{8,}\b/g) ?? []))]));
  const others = [...words].filter(([s]) => s !== slug).map(([, w]) => w);
  const unique = [...words.get(slug)!].filter((w) => others.every((o) => !o.has(w)));
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

test('search finds the teaching first: the chapter that explains a word above the engine source that implements it, and shows its math readable', async ({ page }) => {
  await page.goto('/');
  const top = (query: string) =>
    page.evaluate(async (query) => {
      const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
      const found = await pagefind.search(query);
      return Promise.all(found.results.slice(0, 3).map(async (r: { data: () => Promise<{ url: string }> }) => (await r.data()).url));
    }, query);
  expect((await top('softmax'))[0]).toBe('/chapters/gpt/');
  expect(await top('softmax'), 'no engine page among the first three').not.toContainEqual(expect.stringMatching(/^\/engine\//));
  expect((await top('Adam'))[0]).toBe('/chapters/adam/');
  expect((await top('tokenizer'))[0]).toBe('/chapters/tokenizer/');
  // math reads in an excerpt: the square of (p − 3) as (p - 3)^2, not the flattened "(p−3)2"
  const excerpt = await page.evaluate(async () => {
    const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
    const found = await pagefind.search('minimise');
    return (await found.results[0].data()).sub_results[0].excerpt as string;
  });
  expect(excerpt).toContain('(p - 3)^2');
  // a glossary hit is titled by its term, not by the letter it is filed under
  for (const term of ['softmax', 'logit']) {
    const sub = await page.evaluate(async (term) => {
      const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
      const found = await pagefind.search(term);
      const data: { url: string; sub_results: { title: string; url: string }[] }[] = await Promise.all(found.results.map((r: { data: () => Promise<unknown> }) => r.data()));
      return data.find((d) => d.url === '/glossary/')?.sub_results.find((s) => s.url === `/glossary/#${term}`) ?? null;
    }, term);
    expect(sub?.title, `the glossary's hit for "${term}"`).toBe(term);
  }
});
