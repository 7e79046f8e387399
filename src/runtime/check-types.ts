// The types of '@microgpt/check', for type-checking exercises; the functions themselves are made
// per run by check-api.ts's checkModule().
import type { CheckModule, GradingContext } from './check-api.ts';

export declare const check: CheckModule['check'];
export declare const expectEqual: CheckModule['expectEqual'];
export declare const expectClose: CheckModule['expectClose'];
export declare const expectTrue: CheckModule['expectTrue'];
export declare const asIs: CheckModule['asIs'];
// in a ```ts grading block only: the grader's seeded generator and the book solution's functions
export declare const grading: GradingContext;
