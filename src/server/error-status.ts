import type { ProblemCode } from '../api/problem-details.js';
import type { ErrorCode } from '../services/errors.js';

/**
 * The HTTP status of every domain error code. `satisfies` makes the compiler name any code added to
 * the union without a status here.
 */
export const errorStatus = {
  'invalid-input': 400,
  'not-found': 404,
  conflict: 409,
  unauthenticated: 401,
  forbidden: 403,
  'rate-limited': 429,
  'stage-requirements-missing': 422,
  'ledger-broken': 500,
  'database-locked': 503,
  'import-rejected': 422,
  'call-reason-required': 422,
  'call-window-closed': 409,
  unavailable: 503,
} as const satisfies Record<ErrorCode, number>;

/** Every domain code must be an API problem code too, so the web app can switch on all of them. */
const everyCodeIsAProblemCode: ErrorCode extends ProblemCode ? true : never = true;
void everyCodeIsAProblemCode;

export const problemTitles = {
  'invalid-input': 'Invalid input',
  'not-found': 'Not found',
  conflict: 'Conflict',
  unauthenticated: 'Sign-in required',
  forbidden: 'Forbidden',
  'rate-limited': 'Too many requests',
  'stage-requirements-missing': 'Stage requirements missing',
  'ledger-broken': 'Ledger check failed',
  'database-locked': 'Database in use',
  'import-rejected': 'Import rejected',
  'call-reason-required': 'Reason required',
  'call-window-closed': 'Submission window closed',
  unavailable: 'Service unavailable',
  internal: 'Internal error',
} as const satisfies Record<ProblemCode, string>;

/**
 * What a 5xx answer says instead of the error's own message, which can name internals (paths,
 * process ids, SQL). The message goes to the log under the request id.
 */
export const serverErrorDetails: Partial<Record<ProblemCode, string>> = {
  'ledger-broken': 'The ledger failed a consistency check; an administrator should run `candor verify`.',
  'database-locked': 'The database is in use by another process.',
  unavailable: 'The service is unavailable; try again shortly.',
  internal: 'An unexpected error occurred.',
};
