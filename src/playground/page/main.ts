// The playground page: the link's settings into the form, every change checked as it is typed,
// Train, and the first run, the second run, the chart and the model file kept in step.
import type { DataSummary } from '../shared/dataset-input.ts';
import type { SamplingRequest } from '../shared/protocol.ts';
import { checkAgainstData, type FieldError, parameterCount, parseSettings, type Settings } from '../shared/settings.ts';
import { PackError, unpack } from '../shared/text-codec.ts';
import { readQuery } from '../shared/url-state.ts';
import { CompareView, type FirstRun } from './compare-view.ts';
import { DataChoice } from './data.ts';
import { SettingsForm } from './form.ts';
import { LossChart } from './loss-chart.ts';
import { ModelFileView } from './model-file-view.ts';
import { RunView } from './run-view.ts';
import { showShare } from './share.ts';
import { Trainer } from './trainer.ts';

const REDRAW_MS = 100; // the chart is drawn again at most this often while a run trains

export function setUpPlayground(): void {
  const root = document.querySelector<HTMLElement>('.playground');
  if (!root) return;
  const names = JSON.parse(root.dataset.names!) as DataSummary;
  const trainer = new Trainer();
  const form = new SettingsForm(root.querySelector('form.pg-form')!);
  const data = new DataChoice(root.querySelector('.pg-data')!, trainer, names);
  const run = new RunView(root, trainer);
  const compare = new CompareView(root);
  const chart = new LossChart(root.querySelector('.pg-chart')!, root.querySelector('.pg-table-box')!);
  const modelFile = new ModelFileView(root, trainer, (model) => sampling(model.blockSize, model.uchars));
  const status = root.querySelector<HTMLElement>('.pg-status')!;
  let firstData: Omit<FirstRun, 'record'> | null = null; // what the first run trains on

  // the settings as typed, checked against the data chosen
  function check(): { settings: Settings | null; errors: FieldError[] } {
    const parsed = parseSettings(form.raw());
    const summary = data.summary();
    const errors = parsed.settings && summary ? checkAgainstData(parsed.settings, summary.uchars) : parsed.errors;
    return { settings: errors.length === 0 ? parsed.settings : null, errors };
  }

  function paramCount(settings: Settings | null, summary: DataSummary | null): void {
    const out = root!.querySelector('.pg-params')!;
    if (!settings) out.textContent = 'The parameter count shows once the model’s settings are valid.';
    else if (!summary) out.textContent = 'The parameter count shows once the data is read (the vocabulary sets part of it).';
    else {
      const V = summary.uchars.length + 1;
      const count = parameterCount(settings, V);
      const perLayer = (12 * settings.nEmbd * settings.nEmbd).toLocaleString('en');
      const layers = settings.nLayer === 0 ? 'no layers' : settings.nLayer === 1 ? `${perLayer} in its one layer` : `${perLayer} in each of its ${settings.nLayer} layers`;
      out.textContent = `${count.toLocaleString('en')} parameters: wte and lm_head ${V} × ${settings.nEmbd} each, wpe ${settings.blockSize} × ${settings.nEmbd}, and ${layers}.`;
    }
  }

  let shareTimer = 0;
  function changed(): void {
    const { settings, errors } = check();
    form.showErrors(errors);
    paramCount(parseSettings(form.raw()).settings, data.summary());
    window.clearTimeout(shareTimer);
    if (settings) shareTimer = window.setTimeout(() => void data.ref().then((ref) => showShare(root!, settings, ref, compare.ref())), 300);
  }

  // the sampling settings as typed, for a model of this context and vocabulary (the rest of the form aside)
  function sampling(blockSize: number, uchars: string[]): SamplingRequest | string {
    const { temperature, samples, prompt } = form.raw();
    const parsed = parseSettings({ temperature, samples, prompt, blockSize: String(blockSize) });
    const errors = parsed.settings ? checkAgainstData(parsed.settings, uchars).filter((e) => e.key === 'prompt') : parsed.errors;
    form.showErrors([...check().errors.filter((e) => !['temperature', 'samples', 'prompt'].includes(e.key)), ...errors]);
    if (errors.length > 0 || !parsed.settings) return `No samples: ${errors.map((e) => e.message).join('; ')}.`;
    return { temperature: parsed.settings.temperature, samples: parsed.settings.samples, prompt: parsed.settings.prompt };
  }

  let redrawTimer = 0;
  function redraw(): void {
    if (redrawTimer) return;
    redrawTimer = window.setTimeout(() => {
      redrawTimer = 0;
      const runs = [run.record, compare.record].filter((r) => r !== null);
      if (runs.length > 0) void chart.draw(runs.map((record, i) => ({ label: runs.length > 1 ? (i === 0 ? 'first run' : 'second run') : '', record })));
    }, REDRAW_MS);
  }

  run.onChange = () => {
    const ended = run.state === 'done' && run.record !== null;
    compare.setFirst(ended && firstData ? { ...firstData, record: run.record! } : null);
    modelFile.setExportable(ended ? run.record!.count : null);
    redraw();
  };
  compare.onChange = redraw;

  root.querySelector('.pg-run [data-action="train"]')!.addEventListener('click', () => {
    const { settings, errors } = check();
    form.showErrors(errors);
    const chosen = data.current();
    if (!settings) {
      status.textContent = `Not started: ${errors.length === 1 ? 'a setting needs' : `${errors.length} settings need`} fixing (${errors.map((e) => e.message).join('; ')}).`;
      form.firstInvalid()?.focus();
      return;
    }
    if (!chosen.ok) {
      status.textContent = `Not started: ${chosen.message}`;
      return;
    }
    firstData = { source: chosen.source, dataName: chosen.loaded.name };
    run.start(settings, chosen.source, chosen.loaded.name);
  });

  root.querySelector('.pg-run [data-action="resample"]')!.addEventListener('click', () => {
    const info = run.record?.info;
    if (!info) return;
    const request = sampling(run.record!.settings.blockSize, info.uchars);
    if (typeof request === 'string') return void (status.textContent = request);
    const { temperature, prompt } = request;
    void trainer
      .ask<'sampled'>((id) => ({ type: 'resample', id, sampling: request }))
      .then(({ result }) => {
        if (result.ok) run.showSamples(result.samples, `drawn again at temperature ${temperature}${prompt ? `, continuing "${prompt}"` : ''}`);
        else status.textContent = `No samples: ${result.message}`;
      });
  });

  document.addEventListener('visibilitychange', () => {
    run.visibility(document.visibilityState === 'hidden');
    compare.visibility(document.visibilityState === 'hidden');
  });

  form.form.addEventListener('input', (event) => {
    if (!(event.target as Element).closest('.pg-data')) changed();
  });
  data.onChange = changed;
  root.querySelector('#pg-compare-key')!.addEventListener('change', changed);
  root.querySelector('#pg-compare-value')!.addEventListener('input', changed);
  form.form.addEventListener('submit', (event) => event.preventDefault());

  void applyLink();

  // the link's settings into the form, as they are written; what the page cannot use, said once
  async function applyLink(): Promise<void> {
    const query = readQuery(location.search);
    const problems = [...query.problems];
    form.fill(query.raw);
    compare.fill(query.compare);
    let text: string | null = null;
    if (query.data.kind === 'text' && 'packed' in query.data) {
      try {
        text = await unpack(query.data.packed);
      } catch (error) {
        if (!(error instanceof PackError)) throw error;
        problems.push(`${error.message}; the default names are chosen instead`);
      }
    }
    if (text !== null || query.data.kind !== 'text' || !('packed' in query.data)) data.useLink(query.data, text);
    const box = root!.querySelector<HTMLElement>('.pg-link-problems')!;
    box.hidden = problems.length === 0;
    box.textContent = problems.length > 0 ? `This link’s settings are in the form, except: ${problems.join('; ')}.` : '';
    changed();
  }
}
