// Astro integration: `astro build` checks every chapter cell first (npm run check:cells) and
// stops, showing each problem at its chapter file and line, when a cell's output differs from the book.
import type { AstroIntegration } from 'astro';
import { spawnSync } from 'node:child_process';

export function checkCells(): AstroIntegration {
  return {
    name: 'microgpt:check-cells',
    hooks: {
      'astro:build:start': ({ logger }) => {
        // its own process: the checker starts worker threads from its own files
        const result = spawnSync(process.execPath, ['src/cells/build/check-cells.ts'], { encoding: 'utf8' });
        const report = `${result.stdout}${result.stderr}`.trim();
        if (result.status !== 0) throw new Error(`chapter cells do not match the book:\n${report}`);
        logger.info(report.split('\n').at(-1) ?? 'cells checked');
      },
    },
  };
}
