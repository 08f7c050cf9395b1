import type { ProblemDetails, ProblemError } from '../../api/problem-details.js';

/**
 * A failed API call. The server answers every error as RFC 9457 problem details; `problem` is
 * null only when something in between (a proxy, a lost connection) answered instead.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails | null;

  constructor(status: number, problem: ProblemDetails | null, fallback: string) {
    super(problem?.detail ?? fallback);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get code(): string {
    return this.problem?.code ?? (this.status === 0 ? 'network' : 'unknown');
  }

  get errors(): ProblemError[] {
    return this.problem?.errors ?? [];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Turns a problem document (or its absence) into one sentence a person can act on. */
export function describeError(error: unknown): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : 'Something went wrong.';
  if (error.status === 0) return 'The server could not be reached. Check the connection and try again.';
  const problem = error.problem;
  if (!problem) return `The server answered ${error.status}: ${error.message}`;
  const detail = capitalise(problem.detail);
  const listed = problem.errors.filter((e) => e.where !== 'retry-after');
  // The server's sentence already says how long to wait ("…: try again in 12 minutes").
  if (problem.code === 'rate-limited') return endSentence(detail);
  if (problem.code === 'conflict') return `${detail}. Reload to see the latest values, then try again.`;
  // Each missing field is asked for by name next to the editor; the sentence already lists them.
  if (problem.code === 'stage-requirements-missing')
    return `${endSentence(detail)} Fill in what it needs and save again.`;
  if (listed.length === 0) return endSentence(detail);
  return `${endSentence(detail)} ${listed.map(describeItem).join('; ')}.`;
}

/** One entry of `errors`: "economic buyer: required to enter Negotiation/Review". */
export function describeItem(item: ProblemError): string {
  const where = item.where ? `${humaniseField(item.where)}: ` : '';
  const line = item.line !== undefined ? `line ${item.line}, ` : '';
  return `${line}${where}${item.reason}`;
}

/** "fields.economicBuyer" → "economic buyer"; "closeDate" → "close date". */
export function humaniseField(where: string): string {
  const last = where.replace(/^(body|fields)\./, '');
  return last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]?.toUpperCase() + text.slice(1);
}

function endSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
