// The playground trains the real model in the page: the CLI's numbers for the same settings, the
// untrained samples at step 0, a second run's first differing step, pasted text, bad input with
// its message (and the reader's text kept), a link that reproduces a run, and a model file.
// One page load per group of scenarios; every wait is on the page's own state, never a clock.
import { expect, type Page, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { wcagViolations } from './axe.ts';
import { collectErrors } from './site.ts';

const root = resolve(import.meta.dirname, '..');
const reference = readFileSync(resolve(root, 'content/reference/microgpt-default.txt'), 'utf8').trimEnd().split('\n');
// what npm run train prints for these flags (the fast engine: the same lines, in a few hundred ms)
const cli = (...args: string[]) =>
  execFileSync(process.execPath, ['engine/src/cli.ts', '--engine', 'fast', ...args], { cwd: root, encoding: 'utf8' })
    .trimEnd()
    .split('\n');
const samplesOf = (lines: string[]) => lines.filter((l) => l.startsWith('sample ')).map((l) => l.replace(/^sample +\d+: /, ''));
const chapter = (slug: string) => readFileSync(resolve(root, `content/chapters/${slug}.mdx`), 'utf8');
// the training chapter's held-out loss after 1000 steps, as its cell printed it
const bookHeldOut = /after 1000 steps: the names it reads [\d.]+, held out ([\d.]+)/.exec(chapter('training'))![1];
// the inference chapter's six names after the prompt "ma", from the default run
const bookMa = /^ma +→ (.+)$/m.exec(chapter('inference'))![1].split(', ');

const status = (page: Page) => page.locator('.pg-status');
const output = async (page: Page) => (await page.locator('.pg-output').textContent())!.split('\n');
const train = (page: Page) =>
  page
    .locator('.pg-run')
    .getByRole('button', { name: /^Train/ })
    .click();
const done = (page: Page) => expect(status(page)).toContainText(/^Done:/, { timeout: 60_000 });
test('the default run prints what npm run train prints; step 0 shows the untrained samples; an exported model samples the same names', async ({ page }, testInfo) => {
  const errors = collectErrors(page);
  await page.goto('/playground/');
  await expect(page.locator('.pg-params')).toHaveText(/^4,224 parameters/);
  await train(page);
  await done(page);
  expect(await output(page)).toEqual(reference);
  await expect(page.locator('.pg-samples li')).toHaveText(samplesOf(reference));
  await expect(page.locator('.pg-samples-heading')).toHaveText('Samples at step 1000, after training, from the final weights:');

  // the chart, and its numbers as a table: the held-out loss is the training chapter's
  await expect(page.locator('.pg-chart canvas')).toBeVisible();
  await page.locator('.pg-run .pg-table summary').click();
  const last = page.locator('.pg-table-box tbody tr').last();
  await expect(last.locator('th')).toHaveText('1000');
  await expect(last.locator('td').nth(2)).toHaveText(bookHeldOut);
  await expect(page.locator('.pg-attention table.pg-heatmap')).toBeVisible();
  await expect(page.locator('.pg-embedding svg text')).toHaveCount(28);
  await expect(page.locator('.pg-held-note')).toHaveText('The held-out documents are the last 842 of the shuffle; this run never trains on them.');
  expect(await wcagViolations(page)).toEqual([]);

  // scrub to step 0 with the keyboard: the untrained model's samples, as npm run train --steps 0 prints them
  await page.locator('#pg-scrub').focus();
  await page.keyboard.press('Home');
  await expect(page.locator('.pg-scrub-step')).toHaveText('0');
  await expect(page.locator('.pg-samples-heading')).toHaveText('Samples at step 0, drawn during training:');
  await expect(page.locator('.pg-samples li')).toHaveText(samplesOf(cli('--steps', '0')));

  // a prompt, drawn again from the trained model: the inference chapter's continuations of "ma"
  await page.getByLabel('prompt').fill('ma');
  await page.getByLabel('samples', { exact: true }).fill('6');
  await page.getByRole('button', { name: 'Sample again with the sampling settings' }).click();
  await expect(page.locator('.pg-samples li')).toHaveText(bookMa);
  await expect(page.locator('.pg-samples-heading')).toHaveText('Samples at step 1000, drawn again at temperature 0.5, continuing "ma":');
  await page.getByLabel('prompt').fill('');
  await page.getByLabel('samples', { exact: true }).fill('20');

  // export the model, load it back, sample: the run's own final samples
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the model' }).click();
  const file = testInfo.outputPath('model.json');
  await (await download).saveAs(file);
  await page.locator('input[name="model"]').setInputFiles(file);
  await expect(page.locator('.pg-model-status')).toContainText('Loaded model.json: 4,224 parameters, trained 1000 of 1000 steps on the default names');
  await page.getByRole('button', { name: 'Sample from the loaded model' }).click();
  await expect(page.locator('.pg-loaded-samples li')).toHaveText(samplesOf(reference));
  expect(errors).toEqual([]);
});

test('a link reproduces a run, the same every time and the same as the CLI; a second run reports where the losses part; Pause, Stop and a hidden tab', async ({ page }) => {
  const errors = collectErrors(page);
  const flags = ['--seed', '7', '--steps', '300', '--n-embd', '8', '--n-head', '2', '--block-size', '12', '--temperature', '0.8', '--samples', '6'];
  // a link is anyone's to make: this one also names a "setting" that is markup
  const hostile = '<img src=x onerror=window.pwned=2>';
  await page.emulateMedia({ colorScheme: 'dark' }); // this group checks the dark theme
  await page.goto(`/playground/?seed=7&steps=300&n-embd=8&n-head=2&block-size=12&temperature=0.8&samples=6&compare=lr:0.02&${encodeURIComponent(hostile)}=1`);
  await expect(page.getByLabel('n_embd')).toHaveValue('8');
  await expect(page.locator('.pg-link-problems')).toHaveText(`This link’s settings are in the form, except: the link's "${hostile}" is not a setting of the playground; it was left out.`);
  await expect(page.locator('.playground img')).toHaveCount(0);
  await expect(page.locator('.pg-link')).not.toHaveAttribute('href', /img/); // and the page's own link drops it
  await expect(page.locator('.pg-cli')).toHaveText(['npm run -s train --', '--engine fast', ...flags].join(' '));
  const expected = cli(...flags);
  await train(page);
  await done(page);
  expect(await output(page)).toEqual(expected);
  await train(page); // again: the same numbers
  await expect(page.locator('.pg-run')).toHaveAttribute('data-runs', '2');
  await done(page);
  expect(await output(page)).toEqual(expected);

  // the link asked for a second run with the learning rate at 0.02: the same first step, then apart
  const compare = page.locator('.pg-compare');
  await expect(compare.getByLabel('Setting to change')).toHaveValue('learningRate');
  await expect(compare.getByLabel('Its value in the second run')).toHaveValue('0.02');
  await compare.getByRole('button', { name: 'Train the second run' }).click();
  await expect(compare.locator('.pg-compare-status')).toHaveText('The second run is done: 300 steps.');
  await expect(compare.locator('.pg-compare-result')).toHaveText(
    'The second run changes learning rate 0.01 → 0.02. The losses are the same for 1 step and differ from step 2 on: the runs start from the same weights, and the change first acts on an update.',
  );
  await expect(page.locator('.pg-chart .u-legend')).toContainText('(second run)');
  expect(await wcagViolations(page)).toEqual([]);
  // a change to sampling alone leaves every loss as it was
  await compare.getByLabel('Setting to change').selectOption({ label: 'temperature' });
  await compare.getByLabel('Its value in the second run').fill('1');
  await compare.getByRole('button', { name: 'Train the second run' }).click();
  await expect(compare.locator('.pg-compare-result')).toHaveText(
    'The second run changes temperature 0.8 → 1. The losses are the same at all 300 steps both runs trained: the change is to sampling, which training never reads.',
  );

  // a long run: hidden tab, Pause, Resume, Stop, each at a step the progress bar agrees with
  await page.getByLabel('steps', { exact: true }).fill('50000');
  await train(page);
  const progress = page.locator('.pg-progress');
  await expect(page.locator('.pg-rate')).toContainText(/^[1-9][\d,]* of 50,000 steps/);
  const visibility = (state: 'hidden' | 'visible') =>
    page.evaluate((s) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  await visibility('hidden');
  await expect(status(page)).toHaveText(/^Paused at step \d+ of 50000 while the tab is hidden; it goes on when you come back\.$/);
  const hiddenAt = Number(/step (\d+)/.exec((await status(page).textContent())!)![1]);
  expect(await progress.evaluate((p: HTMLProgressElement) => p.value)).toBe(hiddenAt);
  await visibility('visible');
  await expect(status(page)).toHaveText('Training…');
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(status(page)).toHaveText(/^Paused at step \d+ of 50000\.$/);
  const pausedAt = Number(/step (\d+)/.exec((await status(page).textContent())!)![1]);
  expect(pausedAt).toBeGreaterThanOrEqual(hiddenAt);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(status(page)).toHaveText(new RegExp(`^Stopped at step ${pausedAt} of 50000; the last step’s loss \\d\\.\\d{4}\\.$`));
  expect(await progress.evaluate((p: HTMLProgressElement) => p.value)).toBe(pausedAt);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  expect(errors).toEqual([]);
});

test('pasted text trains as npm run train --data trains on it; bad input gets its message and nothing typed is lost; a link holds the text, or a file’s fingerprint', async ({ page }, testInfo) => {
  const errors = collectErrors(page);
  const names = ['ada', 'bo', 'cyrus', 'dina', 'eli', 'fay', 'gus', 'hana', 'ivo', 'jun', 'kit', 'lou', '<img src=x onerror=window.pwned=1>'].join('\n');
  await page.goto('/playground/');
  const text = page.getByLabel('Text', { exact: true });
  const dataStatus = page.locator('.pg-data-status');

  // nothing to train on
  await page.getByLabel('Text you paste or drop here').check();
  await train(page);
  await expect(status(page)).toHaveText('Not started: Paste or type some text to train on, one document per line.');
  await text.fill('  \n\t\n');
  await expect(dataStatus).toHaveText('The pasted text has no documents: every line is empty or whitespace');
  await text.fill(names);
  const distinct = new Set(names.replace(/\n/g, '')).size;
  await expect(dataStatus).toHaveText(`The pasted text: 13 documents, ${distinct} distinct characters; 1 held out for the held-out loss.`);

  // a shape the engine cannot build, a model too big, a value out of range: each refused beside its field
  await page.getByLabel('n_head').fill('3');
  await expect(page.locator('#pg-nHead-error')).toHaveText('n_embd (16) must be divisible by n_head (3): each head takes an equal slice of the embedding');
  await train(page);
  await expect(status(page)).toHaveText('Not started: a setting needs fixing (n_embd (16) must be divisible by n_head (3): each head takes an equal slice of the embedding).');
  await expect(page.getByLabel('n_head')).toBeFocused();
  await page.getByLabel('n_head').fill('4');
  await page.getByLabel('n_layer').fill('8');
  await page.getByLabel('n_embd').fill('256');
  await expect(page.locator('#pg-nEmbd-error')).toHaveText(/^this model has 6,3\d\d,\d\d\d parameters; the playground trains at most 2,000,000/);
  await page.getByLabel('n_layer').fill('9');
  await expect(page.locator('#pg-nLayer-error')).toHaveText('n_layer must be between 0 and 8, got 9');
  await page.getByLabel('n_layer').fill('1');
  await page.getByLabel('n_embd').fill('16');

  // a binary file and an oversized one, picked or dropped: the file choice refuses them; the text stays
  const file = page.locator('input[name="file"]');
  const photo = '<img src=x onerror=window.pwned=3>.png'; // a file's name is anyone's too
  await file.setInputFiles({ name: photo, mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x00, 0x0a]) });
  await expect(dataStatus).toHaveText(`${photo} looks binary (a NUL byte at offset 2); expected a UTF-8 text file, one document per line`);
  await train(page);
  await expect(status(page)).toHaveText(`Not started: ${photo} looks binary (a NUL byte at offset 2); expected a UTF-8 text file, one document per line`);
  await file.setInputFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(2_100_000, 'a\n') });
  await expect(dataStatus).toHaveText('Huge.txt is 2,100,000 bytes; the playground reads at most 2,000,000 (2 MB)');
  await expect(text).toHaveValue(names);
  await text.evaluate(
    (t: HTMLTextAreaElement, extra) => {
      t.value += extra;
      t.dispatchEvent(new Event('input', { bubbles: true }));
    },
    `\n${'z'.repeat(999)}`.repeat(2100),
  ); // long lines: a textarea lays out a million short ones slowly
  await expect(dataStatus).toHaveText('The pasted text is over 2,000,000 bytes; the playground reads at most 2 MB. Your text is still here.');
  expect(await text.evaluate((t: HTMLTextAreaElement) => t.value.length)).toBe(names.length + 2_100_000);
  await text.fill(names);

  // the text trains, to the CLI's numbers on the same text as a file, and shows as text, never as markup
  await expect(dataStatus).toHaveText(/^The pasted text: 13 documents/);
  await page.getByLabel('steps', { exact: true }).fill('200');
  await train(page);
  await done(page);
  const dataFile = testInfo.outputPath('names.txt');
  writeFileSync(dataFile, names);
  const expected = cli('--data', dataFile, '--steps', '200');
  expect(await output(page)).toEqual(expected);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  await expect(page.locator('.playground img')).toHaveCount(0);

  // its link carries the text: opened, it trains to the same numbers
  const link = (await page.locator('.pg-link').getAttribute('href'))!;
  expect(link).toMatch(/[?&]data=text&text=[\w-]+.*&steps=200/);
  await page.goto(link);
  await expect(text).toHaveValue(names);
  await expect(dataStatus).toHaveText(/^The pasted text: 13 documents/);
  await train(page);
  await done(page);
  expect(await output(page)).toEqual(expected);

  // a link made with a file holds its fingerprint: the page asks for the file and checks the one given
  const sha256 = createHash('sha256').update(names).digest('hex');
  await page.goto(`/playground/?data=file&name=names.txt&sha256=${sha256}&docs=13`);
  await expect(page.getByLabel('A text file, such as makemore’s names.txt')).toBeChecked();
  await expect(dataStatus).toHaveText(`No file chosen yet. This link was made with names.txt (13 documents, SHA-256 ${sha256.slice(0, 12)}…): load that file to train on it.`);
  await file.setInputFiles({ name: 'names.txt', mimeType: 'text/plain', buffer: Buffer.from(`${names}\nada`) });
  await expect(dataStatus).toHaveText(
    `Names.txt: 14 documents, ${distinct} distinct characters; 1 held out for the held-out loss. It is not the text the link was made with (SHA-256 ${sha256.slice(0, 12)}…), so the numbers will differ from the link’s.`,
  );
  await file.setInputFiles({ name: 'names.txt', mimeType: 'text/plain', buffer: Buffer.from(names) });
  await expect(dataStatus).toHaveText(`Names.txt: 13 documents, ${distinct} distinct characters; 1 held out for the held-out loss. It is the text the link was made with.`);
  expect(errors).toEqual([]);
});

test('the training, inference and what-it-reveals chapters open the playground preset to their experiment', () => {
  const links = (slug: string) => [...readFileSync(resolve(root, `dist/chapters/${slug}/index.html`), 'utf8').matchAll(/href="(\/playground\/\?[^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
  expect(links('training')).toEqual(['/playground/?n-layer=4&n-embd=64&block-size=32&steps=500&samples=10&compare=lr:0.02']);
  expect(links('inference')).toEqual(['/playground/?prompt=ma&samples=6']);
  expect(links('what-it-reveals')).toEqual(['/playground/?steps=200&samples=40']);
});
