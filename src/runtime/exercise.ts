// Runs an exercise: the reader's code, then its hidden checks in the same scope, then each check
// in order. A check passes when it returns without throwing; its message is the first failure's.
import { type RegisteredCheck, checkModule } from './check-api.ts';
import { type CellError, type CellInput, type CellResult, type RunHooks, runCell } from './execute.ts';

export interface ExerciseInput extends CellInput {
  checks: string;
}

export interface CheckResult {
  name: string;
  passed: boolean;
  message: string | null; // why it failed
}

export interface ExerciseResult extends CellResult {
  checks: CheckResult[];
  passed: boolean; // every check ran and passed, and at least one did
}

export async function runExercise(input: ExerciseInput, modules: Record<string, unknown>, hooks: RunHooks = {}): Promise<ExerciseResult> {
  const registered: RegisteredCheck[] = [];
  const result = await runCell({ code: input.code, setup: input.setup, after: input.checks }, { ...modules, '@microgpt/check': checkModule(registered) }, hooks);
  const checks = await runChecks(registered, result.error && stoppedWith(result.error));
  return { ...result, checks, passed: checks.length > 0 && checks.every((c) => c.passed) };
}

// why no check can pass when the code under test stopped
export const stoppedWith = (error: CellError) => `not run: the code stopped with ${error.name}: ${error.message}`;

// each registered check in order: passed, or failed with its message; none runs when notRun says
// why none can pass (the code stopped, or does not define what the checks call)
export async function runChecks(registered: RegisteredCheck[], notRun: string | null): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const { name, fn } of registered) {
    if (notRun !== null) {
      results.push({ name, passed: false, message: notRun });
      continue;
    }
    try {
      await fn();
      results.push({ name, passed: true, message: null });
    } catch (thrown) {
      const message = thrown instanceof Error ? (thrown.name === 'CheckFailure' ? thrown.message : `${thrown.name}: ${thrown.message}`) : String(thrown);
      results.push({ name, passed: false, message });
    }
  }
  return results;
}
