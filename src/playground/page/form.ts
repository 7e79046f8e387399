// The settings form: its fields' text as typed, and each field's message beside it. The page never
// rewrites a field the reader typed in; a link's values are written once, when the page opens.
import { type FieldError, type Key, keys, type Raw } from '../shared/settings.ts';

export class SettingsForm {
  readonly form: HTMLFormElement;

  constructor(form: HTMLFormElement) {
    this.form = form;
  }

  input(key: Key): HTMLInputElement {
    return this.form.querySelector<HTMLInputElement>(`input[name="${key}"]`)!;
  }

  raw(): Raw {
    return Object.fromEntries(keys.map((key) => [key, this.input(key).value]));
  }

  fill(raw: Raw): void {
    for (const key of keys) if (raw[key] !== undefined) this.input(key).value = raw[key]!;
  }

  // each field's message, or none; the fields in error marked for assistive technology
  showErrors(errors: FieldError[]): void {
    const byKey = new Map<Key, string[]>();
    for (const e of errors) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e.message]);
    for (const key of keys) {
      const input = this.input(key);
      const messages = byKey.get(key);
      this.form.querySelector(`#pg-${key}-error`)!.textContent = messages ? messages.join('; ') : '';
      if (messages) {
        input.setAttribute('aria-invalid', 'true');
        // a field in the closed measuring section would be an error no one sees
        input.closest('details')?.setAttribute('open', '');
      } else input.removeAttribute('aria-invalid');
    }
  }

  firstInvalid(): HTMLInputElement | null {
    return this.form.querySelector<HTMLInputElement>('input[aria-invalid="true"]');
  }
}
