// Export the first run's model as a file; load a model file and sample from it.
import { MAX_FILE_BYTES } from '../shared/model-file.ts';
import type { LoadedModel, SamplingRequest } from '../shared/protocol.ts';
import type { Trainer } from './trainer.ts';

export class ModelFileView {
  private readonly root: HTMLElement;
  private readonly trainer: Trainer;
  private loaded: LoadedModel | null = null;
  private steps: number | null = null; // the first run's, for the exported file's name
  // the sampling settings to use, or the message that says what is wrong with them
  private readonly sampling: (model: LoadedModel) => SamplingRequest | string;

  constructor(root: HTMLElement, trainer: Trainer, sampling: (model: LoadedModel) => SamplingRequest | string) {
    this.root = root;
    this.trainer = trainer;
    this.sampling = sampling;
    this.button('export').addEventListener('click', () => void this.export());
    this.button('sample-loaded').addEventListener('click', () => void this.sample());
    this.root.querySelector<HTMLInputElement>('input[name="model"]')!.addEventListener('change', (event) => {
      const file = (event.target as HTMLInputElement).files?.[0];
      if (file) void this.load(file);
    });
  }

  setExportable(steps: number | null): void {
    this.button('export').disabled = steps === null;
    this.steps = steps;
  }

  private button(action: string): HTMLButtonElement {
    return this.root.querySelector<HTMLButtonElement>(`.pg-model-file [data-action="${action}"]`)!;
  }

  private status(text: string): void {
    this.root.querySelector('.pg-model-status')!.textContent = text;
  }

  private async export(): Promise<void> {
    const { text } = await this.trainer.ask<'exported'>((id) => ({ type: 'export', id }));
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    a.download = `microgpt-${this.steps ?? 0}-steps.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
    this.status(`Exported ${a.download} (${(text.length / 1024).toFixed(0)} KB).`);
  }

  private async load(file: File): Promise<void> {
    const name = file.name.slice(0, 200);
    this.loaded = null;
    this.button('sample-loaded').disabled = true;
    this.root.querySelector('.pg-loaded-samples')!.replaceChildren();
    if (file.size > MAX_FILE_BYTES) return this.status(`${name} is ${file.size.toLocaleString('en')} bytes, more than any model the playground trains; it was not read.`);
    this.status(`Reading ${name}…`);
    const text = await file.text();
    const { result } = await this.trainer.ask<'loaded'>((id) => ({ type: 'load-model', id, text, name }));
    if (!result.ok) return this.status(result.message);
    this.loaded = result.model;
    const { step, steps, numParams, data } = result.model;
    this.status(`Loaded ${name}: ${numParams.toLocaleString('en')} parameters, trained ${step} of ${steps} steps${data ? ` on ${data}` : ''}. Sample from it with the sampling settings above.`);
    this.button('sample-loaded').disabled = false;
  }

  private async sample(): Promise<void> {
    if (!this.loaded) return;
    const sampling = this.sampling(this.loaded);
    if (typeof sampling === 'string') return this.status(sampling);
    if (sampling.samples === 0) return this.status('No samples: samples is 0.');
    const { result } = await this.trainer.ask<'sampled'>((id) => ({ type: 'sample-loaded', id, sampling }));
    if (!result.ok) return this.status(`No samples: ${result.message}`);
    this.status(`${result.samples.length} samples from ${this.loaded.name} at temperature ${sampling.temperature}${sampling.prompt ? `, continuing "${sampling.prompt}"` : ''}:`);
    this.root.querySelector('.pg-loaded-samples')!.replaceChildren(...result.samples.map((s) => Object.assign(document.createElement('li'), { textContent: s })));
  }
}
