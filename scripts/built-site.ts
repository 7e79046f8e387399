// The built site's pages: every HTML file under dist/, and the URL path each one serves.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith('.html') ? [path] : [];
  });
}

// the URL a file is served at: dist/chapters/adam/index.html -> /chapters/adam/, dist/404.html -> /404.html
export function pagePath(dist: string, file: string): string {
  return (
    '/' +
    relative(dist, file)
      .replace(/\\/g, '/')
      .replace(/index\.html$/, '')
  );
}
