import { z } from 'zod';

/**
 * Every error the API answers is an RFC 9457 problem details document, served as
 * `application/problem+json`. `code` is machine-readable and stable; `errors` names each bad input.
 */
export const problemMediaType = 'application/problem+json';

/** The error codes of the domain plus `internal` (an unexpected failure, never explained). */
export const problemCodes = [
  'invalid-input',
  'not-found',
  'conflict',
  'unauthenticated',
  'forbidden',
  'rate-limited',
  'stage-requirements-missing',
  'ledger-broken',
  'database-locked',
  'import-rejected',
  'call-reason-required',
  'call-window-closed',
  'unavailable',
  'internal',
] as const;
export type ProblemCode = (typeof problemCodes)[number];

export const problemErrorSchema = z.object({
  /** The parameter, field, column or file concerned. */
  where: z.string().optional(),
  /** 1-based line for file input. */
  line: z.number().int().optional(),
  /** The offending value, as received. */
  value: z.string().optional(),
  reason: z.string(),
});
export type ProblemError = z.infer<typeof problemErrorSchema>;

export const problemDetailsSchema = z
  .object({
    type: z.string().describe('a URI naming the kind of problem: urn:candor:problem:<code>'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().describe('the path of the request that failed'),
    code: z.enum(problemCodes),
    requestId: z.string().describe('quote it when reporting a problem: the server log carries the same id'),
    errors: z.array(problemErrorSchema),
  })
  .describe('RFC 9457 problem details');
export type ProblemDetails = z.infer<typeof problemDetailsSchema>;

export function problemType(code: ProblemCode): string {
  return `urn:candor:problem:${code}`;
}
