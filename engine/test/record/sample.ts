// The engine's sample.ts, with sample() noting each name it returns (see register.ts).
import * as engine from '../../src/sample.ts';
import { notes } from './notes.ts';

export * from '../../src/sample.ts';

export function sample(...args: Parameters<typeof engine.sample>): string {
  const name = engine.sample(...args);
  notes.samples.push(name);
  return name;
}
