// What the e2e tests need to know about the built site: its pages, and a collector of console errors.
import type { Page } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const dist = resolve(import.meta.dirname, '..', 'dist');

export function builtPages(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : name === 'index.html' ? [path] : [];
    });
  return walk(dist)
    .map((f) => '/' + relative(dist, f).replace(/\\/g, '/').replace(/index\.html$/, ''))
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
