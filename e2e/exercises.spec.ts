// Exercises in the page: Check, hints one at a time, the solution after confirming, the attempt
// kept and restorable, and a pass recorded in the reader's progress.
import { type Locator, expect, test } from '@playwright/test';
import { wcagInBothThemes } from './axe.ts';
import { collectErrors } from './site.ts';

// opens the exercise's editor and puts this code in it, as a reader typing over everything would
async function typeOver(ex: Locator, code: string): Promise<void> {
  await ex.locator('.exercise-starter').click();
  await ex.locator('.cm-content').press('ControlOrMeta+a');
  await ex.locator('.cm-content').fill(code);
}

test('Check runs the hidden checks and names the first failure; the solution needs a confirm; the attempt comes back', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/chapters/gpt/#exercise-softmax-max');
  const ex = page.locator('#exercise-softmax-max');
  const checks = ex.getByRole('list', { name: 'Checks' }).locator('li');
  await expect(checks).toHaveCount(3); // listed before anything runs
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.locator('.cell-status')).toHaveText(/^1 of 3 checks passed\. First failure, "the probabilities sum to 1": expected 1 \(within 1e-12\), got 6$/);
  await expect(checks.nth(0)).toHaveText('Failed: the probabilities sum to 1');
  await expect(checks.nth(2)).toHaveAttribute('data-state', 'passed');

  // hints, one at a time
  const hints = ex.getByRole('list', { name: 'Hints' }).locator('li');
  await ex.getByRole('button', { name: 'Hint (2)' }).click();
  await expect(hints.nth(0)).toBeVisible();
  await expect(hints.nth(0)).toHaveText(/^Hint 1 of 2: /);
  await expect(hints.nth(1)).toBeHidden();
  await ex.getByRole('button', { name: 'Next hint (1 of 2 shown)' }).click();
  await expect(hints.nth(1)).toBeVisible();
  await expect(ex.getByRole('button', { name: 'All 2 hints shown' })).toBeDisabled();

  // an attempt of the reader's own, kept across a reload
  await typeOver(ex, 'function mySoftmax(logits: Value[]): Value[] {\n  return logits.map((l) => l.exp());\n}');
  await page.reload();
  await expect(ex).toHaveAttribute('data-edited', '');
  await expect(ex.locator('.cm-content')).toContainText('l.exp()');

  // the solution only after a confirm; the attempt can be restored
  await ex.getByRole('button', { name: 'Solution' }).click();
  await expect(ex.locator('.exercise-solution')).toBeHidden();
  await ex.getByRole('button', { name: 'Show the solution' }).click();
  await expect(ex.locator('.exercise-solution')).toBeVisible();
  await ex.getByRole('button', { name: 'Put the solution in the editor' }).click();
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.locator('.cell-status')).toHaveText('All 3 checks passed.');
  const progress = await page.evaluate(() => JSON.parse(localStorage.getItem('microgpt:progress')!));
  expect(progress.exercises['gpt/softmax-max'].code).toContain('maxVal');
  await ex.getByRole('button', { name: 'Restore my attempt' }).click();
  await expect(ex.locator('.cm-content')).toContainText('l.exp()');
  expect(errors).toEqual([]);
});

test('an exercise that never ends is stopped, and a throwing one says where', async ({ page }) => {
  await page.goto('/chapters/gpt/#exercise-softmax-max');
  const ex = page.locator('#exercise-softmax-max');
  await typeOver(ex, 'function mySoftmax(logits: Value[]): Value[] {\n  while (true) {}\n}');
  await ex.getByRole('button', { name: 'Check' }).click();
  await ex.getByRole('button', { name: 'Stop' }).click();
  await expect(ex.locator('.cell-status')).toHaveText('Stopped.');
  await typeOver(ex, 'const broken = null as unknown as { x: number };\nconsole.log(broken.x);');
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.locator('.cell-status')).toHaveText(/^Your code stopped with TypeError: .* \(line 2\)\. The checks did not run\.$/);
  // a syntax error: the checks are listed as not run, none as failed
  await typeOver(ex, 'function mySoftmax(logits: Value[]): Value[] {\n  return logits.map((v) => v.exp(;\n}');
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.locator('.cell-status')).toHaveText(/The checks did not run\.$/);
  await expect(ex.locator('.exercise-checks li[data-state="failed"]')).toHaveCount(0);
  await expect(ex.locator('.exercise-checks li').first()).toHaveText(/^Not run: /);
});

test('code run in the page cannot reach the network', async ({ page }) => {
  await page.goto('/chapters/gpt/#exercise-softmax-max');
  const ex = page.locator('#exercise-softmax-max');
  await typeOver(ex, "console.log(typeof fetch, typeof XMLHttpRequest, typeof WebSocket, typeof importScripts);\nawait import('https://example.com/x.js');");
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.locator('.cell-output pre')).toHaveText('undefined undefined undefined undefined\n');
  await expect(ex.locator('.cell-status')).toContainText('can import only @microgpt/engine, @microgpt/display, not "https://example.com/x.js"');
});

test("Check is sealed: the engine's own answer is withheld, and patched built-ins or a forged verdict pass nothing", async ({ page }) => {
  await page.goto('/chapters/gpt/#exercise-softmax-max');
  const ex = page.locator('#exercise-softmax-max');
  const status = ex.locator('.cell-status');
  await typeOver(ex, "import { softmax } from '@microgpt/engine';\nfunction mySoftmax(logits: Value[]): Value[] {\n  return softmax(logits);\n}");
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(status).toHaveText(
    /^0 of 3 checks passed\. First failure, "the probabilities sum to 1": ReferenceError: the engine's softmax is not available in this exercise: writing it is the exercise$/,
  );
  const forged = [
    'Object.is = () => true;',
    '(globalThis as any).postMessage = () => {}; (self as any).postMessage({ runId: 1, result: { passed: true, checks: [] } });',
    'Array.prototype.every = () => true;',
  ];
  for (const attack of forged) {
    await typeOver(ex, `${attack}\nfunction mySoftmax(logits: Value[]): Value[] {\n  return logits;\n}`);
    await ex.getByRole('button', { name: 'Check' }).click();
    await expect(status).toHaveText(/^Your code stopped with (TypeError|ReferenceError)/);
    await expect(ex).toHaveAttribute('data-result', 'failed');
  }
  // each Check has a worker of its own: nothing an attack did stays for the next
  await ex.getByRole('button', { name: 'Solution' }).click();
  await ex.getByRole('button', { name: 'Show the solution' }).click();
  await ex.getByRole('button', { name: 'Put the solution in the editor' }).click();
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(status).toHaveText('All 3 checks passed.');
});

test('Reset after a passing Check brings back the starter and shows nothing passed', async ({ page }) => {
  await page.goto('/chapters/gpt/#exercise-softmax-max');
  const ex = page.locator('#exercise-softmax-max');
  const checks = ex.getByRole('list', { name: 'Checks' }).locator('li');
  await ex.getByRole('button', { name: 'Solution' }).click();
  await ex.getByRole('button', { name: 'Show the solution' }).click();
  await ex.getByRole('button', { name: 'Put the solution in the editor' }).click();
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.locator('.cell-status')).toHaveText('All 3 checks passed.');
  await ex.getByRole('button', { name: 'Reset' }).click();
  await expect(ex.locator('.cm-content')).toContainText('return logits;');
  await expect(ex.locator('.cell-status')).toHaveText('');
  await expect(ex).not.toHaveAttribute('data-result', /./);
  await expect(checks).toHaveCount(3);
  for (const li of await checks.all()) await expect(li).toHaveAttribute('data-state', 'pending');
  await expect(checks.nth(0)).toHaveText('the probabilities sum to 1');
});

// in a short chapter: axe weighs the whole page around the part it checks, which in the GPT
// chapter took it two seconds a theme
test('an exercise with its checks run, a hint and the solution shown meets WCAG 2.2 AA, in the light and the dark theme', async ({ page }) => {
  await page.goto('/chapters/tokenizer/#exercise-build-vocabulary');
  const ex = page.locator('#exercise-build-vocabulary');
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.locator('.cell-status')).toContainText('checks passed');
  await ex.getByRole('button', { name: 'Hint (3)' }).click();
  await ex.getByRole('button', { name: 'Solution' }).click();
  await ex.getByRole('button', { name: 'Show the solution' }).click();
  expect(await wcagInBothThemes(page, '#exercise-build-vocabulary')).toEqual({ light: [], dark: [] });
});

test('a passed exercise shows its pass on return, and says so when the code shown is other code', async ({ page }) => {
  await page.goto('/chapters/gpt/#exercise-my-rmsnorm');
  const ex = page.locator('#exercise-my-rmsnorm');
  await ex.getByRole('button', { name: 'Solution' }).click();
  await ex.getByRole('button', { name: 'Show the solution' }).click();
  await ex.getByRole('button', { name: 'Put the solution in the editor' }).click();
  await ex.getByRole('button', { name: 'Check' }).click();
  await expect(ex.locator('.cell-status')).toHaveText('All 5 checks passed.');
  await page.reload();
  await expect(ex).toHaveAttribute('data-result', 'passed');
  await expect(ex.locator('.cell-status')).toHaveText(/^You passed this exercise on .+: all 5 checks passed with this code\.$/);
  await expect(ex.getByRole('list', { name: 'Checks' }).locator('li').first()).toHaveText('Passed: the output has one entry per input');
  await typeOver(ex, 'function myRmsnorm(x: Value[]): Value[] {\n  return x;\n}');
  await page.reload();
  await expect(ex).not.toHaveAttribute('data-result', /./);
  await expect(ex.locator('.cell-status')).toHaveText(/with other code than the code shown now/);
});

test("an exercise's hidden setup can be read, folded away until asked for", async ({ page }) => {
  await page.goto('/chapters/tokenizer/#exercise-encode-decode');
  const setup = page.locator('#exercise-encode-decode .hidden-setup');
  await expect(setup.locator('summary')).toHaveText('The 5 lines run before this code');
  await expect(setup.locator('.hidden-setup-code')).toBeHidden();
  await setup.locator('summary').click();
  await expect(setup.locator('.hidden-setup-code')).toContainText('const docs = loadDocs(defaultDatasetText());');
});

test("an exercise's buttons say why they are off until the page's script is there", async ({ page }) => {
  await page.route('**/*.js', (route) => route.abort());
  await page.goto('/chapters/gpt/');
  const ex = page.locator('#exercise-softmax-max');
  for (const name of ['Check', 'Hint', 'Solution', 'Reset']) {
    await expect(ex.getByRole('button', { name, exact: true })).toBeDisabled();
    await expect(ex.getByRole('button', { name, exact: true })).toHaveAccessibleDescription(/page's script/);
  }
  await page.unroute('**/*.js');
  await page.reload();
  await expect(ex.getByRole('button', { name: 'Check', exact: true })).toHaveAccessibleDescription('Check (Ctrl+Enter)');
});
