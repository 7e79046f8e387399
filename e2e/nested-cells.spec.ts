// Cells sit where the chapter puts them, not only at the top level: in a list item, in a
// component (Starlight's <Aside>) and in a check-yourself <details>. Each renders there with the
// book's output, and runs to the same output.
import { expect, test } from '@playwright/test';

const nested = [
  { id: 'empty-document', inside: 'li', output: 'tokens: [ 2, 2 ] | predictions: 1' },
  { id: 'own-vocabulary', inside: 'aside', output: 'vocabulary: acdeglnr | vocab size: 9' },
  { id: 'vocabulary-has-e-acute', inside: 'details', output: 'é in the vocabulary: false' },
];

for (const { id, inside, output } of nested) {
  test(`a cell inside <${inside}> renders there, runs, and matches the book`, async ({ page }) => {
    await page.goto('/chapters/tokenizer/');
    const cell = page.locator(`${inside} [data-cell-id="${id}"]`);
    await expect(cell).toHaveCount(1);
    if (inside === 'details') await cell.locator('xpath=ancestor::details[1]/summary').click();
    await expect(cell.getByRole('region', { name: 'Output' })).toContainText(output);
    await cell.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(cell.locator('.cell-status')).toHaveText(/The output matches the book\./);
    await expect(cell.getByRole('region', { name: 'Output' })).toContainText(output);
  });
}

test('no cell of a chapter is left as plain code', async ({ page }) => {
  await page.goto('/chapters/tokenizer/');
  // a cell's fence would have rendered as a code block holding its import line
  const plain = page.locator('pre:not(.cell *):not(.exercise *)', { hasText: "from '@microgpt/engine'" });
  await expect(plain).toHaveCount(0);
});
