import type { Problem } from '../shared/problem';

/**
 * Thrown inside core when a failure already has its diagnosis; IPC handlers and the
 * CLI turn it back into `{ ok: false, problem }`.
 */
export class ProblemError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem, options?: { cause?: unknown }) {
    super(`${problem.code}: ${problem.title}`, options);
    this.name = 'ProblemError';
    this.problem = problem;
  }
}

export function isProblemError(e: unknown): e is ProblemError {
  return e instanceof ProblemError;
}
