import { isDomainError } from '../services/errors.js';

export type DescribedError = { code: string; message: string; details: string[]; exitCode: number };

/** Turns any failure into what a person needs: what went wrong, where, and why. No stack traces. */
export function describeError(error: unknown): DescribedError {
  if (isDomainError(error)) {
    return {
      code: error.code,
      message: error.message,
      details: error.details.map((d) =>
        [
          d.where,
          d.line === undefined ? undefined : `line ${d.line}`,
          d.value === undefined ? undefined : `value '${d.value}'`,
          d.reason,
        ]
          .filter(Boolean)
          .join(': '),
      ),
      exitCode: error.code === 'invalid-input' ? 2 : 1,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message, details: [], exitCode: 1 };
}
