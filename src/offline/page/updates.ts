// Registers the service worker (Workbox's window library) and, when a new version of the course
// is waiting, asks before reloading: the page reloads only when the reader says so. Edits of cells
// and exercises are saved in this browser as they are typed; where storage is off, the question
// says the page's edits would be lost.
import { Workbox } from 'workbox-window';
import { storageWorks } from './storage-check.ts';
import './updates.css';

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

function ask(reload: () => void): void {
  if (document.querySelector('.offline-update')) return;
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
