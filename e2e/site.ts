// What the e2e tests need to know about the built site: its pages, and a collector of console errors.
import type { Page } from '@playwright/test';
import { resolve } from 'node:path';
import { htmlFiles, pagePath } from '../scripts/built-site.ts';

export const dist = resolve(import.meta.dirname, '..', 'dist');

export function builtPages(): string[] {
  return htmlFiles(dist)
    .filter((f) => f.endsWith('index.html'))
    .map((f) => pagePath(dist, f))
    .filter((p) => !p.startsWith('/pagefind/'))
    .sort();
}

export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  return errors;
}
