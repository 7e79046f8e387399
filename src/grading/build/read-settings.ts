// A grading settings file on disk, as `npm run grade` and `npm run gradescope` take it: what is
// wrong with it, or with reading it, said as "<file>: <problem>".
import { readFileSync } from 'node:fs';
import { parseSettings } from '../shared/settings-file.ts';
import { type GradingSettings, SettingsError } from '../shared/settings.ts';

export function readSettingsFile(file: string, fail: (message: string) => never): GradingSettings {
  try {
    return parseSettings(readFileSync(file, 'utf8'));
  } catch (error) {
    return fail(`${file}: ${error instanceof SettingsError ? error.message : (error as Error).message}`);
  }
}
