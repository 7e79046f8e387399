// Registers the service worker (Workbox's window library) and, when a new version of the course
// is waiting, asks before reloading: the page reloads only when the reader says so. Edits of cells
// and exercises are saved in this browser as they are typed; where storage is off, the question
// says the page's edits would be lost.
import { Workbox } from 'workbox-window';
import { storageWorks } from './storage-check.ts';

export function watchForUpdates(): void {
  const workbox = new Workbox(`${import.meta.env.BASE_URL}sw.js`);
  workbox.addEventListener('waiting', () => {
    ask(() => {
      workbox.addEventListener('controlling', () => location.reload());
      workbox.messageSkipWaiting();
    });
  });
  workbox.register().catch((error: unknown) => console.warn('The course could not be saved for offline reading:', error));
}

// its own styles, put in with it: CSS imported by a module loaded on idle is not bundled
const STYLE = `
.offline-update { position: fixed; inset-inline-end: 1rem; inset-block-end: 1rem; z-index: 1000; max-width: 24rem; padding: 0.75rem 1rem;
  border: 1px solid var(--sl-color-gray-5); border-radius: 0.5rem; background: var(--sl-color-bg-nav); color: var(--sl-color-text); box-shadow: var(--sl-shadow-md); }
.offline-update p { margin: 0 0 0.5rem; }
.offline-update button + button { margin-inline-start: 0.5rem; }
@media print { .offline-update { display: none; } }`;

function ask(reload: () => void): void {
  if (document.querySelector('.offline-update')) return;
  const style = document.createElement('style');
  style.textContent = STYLE;
  document.head.append(style);
  const box = document.createElement('div');
  box.className = 'offline-update';
  box.setAttribute('role', 'status');
  const text = document.createElement('p');
  text.textContent = storageWorks()
    ? 'A new version of the course is ready. Your edits are saved in this browser and stay after the reload.'
    : 'A new version of the course is ready. This browser is not saving edits (its storage is off), so reloading loses the edits on this page.';
  const now = button('Reload', () => {
    now.disabled = true;
    reload();
  });
  const later = button('Later', () => box.remove());
  box.append(text, now, later);
  document.body.append(box);
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}
