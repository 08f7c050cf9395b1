/**
 * The one error type of Candor. Codes form a closed union so that every code has an HTTP status
 * (see `errorStatus` in src/api) and every caller can switch on it exhaustively.
 */
export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  | 'unauthenticated'
  | 'forbidden'
  | 'rate-limited'
  | 'stage-requirements-missing'
  | 'ledger-broken'
  | 'database-locked'
  | 'import-rejected'
  | 'call-reason-required'
  | 'call-window-closed'
  | 'unavailable';

export type ErrorDetail = {
  /** Where the problem is: a field path, a CSV column, a file name. */
  where?: string;
  /** Line number for file input (1-based, header is line 1). */
  line?: number;
  value?: string;
  reason: string;
};

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: readonly ErrorDetail[];

  constructor(code: ErrorCode, message: string, details: readonly ErrorDetail[] = []) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
