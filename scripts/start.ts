// npm start: serves the course. Until the site lands, it trains microgpt in the terminal.
import { spawnSync } from 'node:child_process';

console.log('The course site is not built yet; meanwhile, here is microgpt training in your terminal.\n');
const result = spawnSync(process.execPath, ['--max-semi-space-size=128', '--min-semi-space-size=128', 'engine/src/cli.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = result.status ?? 1;
