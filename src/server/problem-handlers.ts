import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  problemMediaType,
  problemType,
  type ProblemCode,
  type ProblemDetails,
  type ProblemError,
} from '../api/problem-details.js';
import { isDomainError } from '../services/errors.js';
import { errorStatus, problemTitles, serverErrorDetails } from './error-status.js';

/**
 * Answers every failure as RFC 9457 problem details: domain errors by their code, request
 * validation as 400 naming each bad parameter, unknown routes as 404. A 5xx never carries the
 * error's own message or stack: those go to the log under the request id the answer quotes.
 */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request, reply) => {
    const problem = toProblem(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: problem.code, status: problem.status }, problem.detail);
    const retryAfter = problem.errors.find((e) => e.where === 'retry-after')?.value;
    if (problem.status === 429 && retryAfter !== undefined) reply.header('retry-after', retryAfter);
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      buildProblem(request, 'not-found', 404, `there is no ${request.method} ${pathOf(request)}`, []),
    ),
  );
}

export function sendProblem(reply: FastifyReply, problem: ProblemDetails): FastifyReply {
  return reply.code(problem.status).type(problemMediaType).send(problem);
}

function toProblem(error: unknown, request: FastifyRequest): ProblemDetails {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = (error as FastifyError).validationContext ?? 'request';
    const errors = error.validation.flatMap((issue) => validationErrors(request, part, issue));
    const named = [...new Set(errors.map((e) => e.where ?? part))].join(', ');
    return buildProblem(request, 'invalid-input', 400, `invalid ${named}`, errors);
  }
  if (isDomainError(error)) {
    const status = errorStatus[error.code];
    const detail = status >= 500 ? genericDetail(error.code, request) : error.message;
    const errors = status >= 500 ? [] : error.details.map((d) => ({ ...d }));
    return buildProblem(request, error.code, status, detail, errors);
  }
  const status = (error as Partial<FastifyError>).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own client errors (a malformed body, an unsupported media type) say what was wrong.
    const code: ProblemCode =
      status === 404 ? 'not-found' : status === 429 ? 'rate-limited' : 'invalid-input';
    return buildProblem(request, code, status, (error as Error).message, []);
  }
  return buildProblem(request, 'internal', 500, genericDetail('internal', request), []);
}

/** One issue as fastify-type-provider-zod reports it: the zod issue's code, path and parameters. */
type ValidationIssue = {
  instancePath: string;
  keyword?: string;
  message?: string | undefined;
  params?: Record<string, unknown>;
};

function validationErrors(request: FastifyRequest, part: string, issue: ValidationIssue): ProblemError[] {
  const path = issue.instancePath.split('/').filter(Boolean);
  const source = {
    querystring: request.query,
    params: request.params,
    body: request.body,
    headers: request.headers,
  }[part];
  const keys = issue.params?.keys;
  if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
    // A strict schema refused keys it does not know: name each one where it was sent.
    const parent = valueAt(source, path);
    return keys.map((key) => {
      const keyPath = [...path, String(key)];
      return problemError({
        where: part === 'body' ? keyPath.join('.') : (keyPath[0] ?? part),
        value: valueAt(parent, [String(key)]),
        reason: `unknown ${part === 'body' ? 'field' : 'parameter'}: ${issue.message ?? 'not recognised'}`,
      });
    });
  }
  return [
    problemError({
      // A query or path parameter is named by itself, even when one of its repeated values is the bad one.
      where: path.length === 0 ? part : part === 'body' ? path.join('.') : (path[0] ?? part),
      // The whole part (an issue about the query string as such) is no one value to quote.
      value: path.length === 0 ? undefined : valueAt(source, part === 'body' ? path : path.slice(0, 1)),
      reason: issue.message ?? 'invalid',
    }),
  ];
}

function valueAt(source: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      node && typeof node === 'object' && Object.hasOwn(node, key)
        ? (node as Record<string, unknown>)[key]
        : undefined,
    source,
  );
}

/**
 * A problem's error entry. Values are quoted as text: a list joined by commas, anything else that
 * is no plain value (an object; the query string parser's objects have no prototype, so `String`
 * would throw on them) as JSON, at most 200 characters.
 */
function problemError(entry: { where: string; value: unknown; reason: string }): ProblemError {
  const { where, value, reason } = entry;
  if (value === undefined) return { where, reason };
  const text =
    value === null || typeof value !== 'object'
      ? String(value)
      : Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')
        ? value.join(',')
        : JSON.stringify(value);
  return { where, value: text.length > 200 ? `${text.slice(0, 199)}…` : text, reason };
}

function genericDetail(code: ProblemCode, request: FastifyRequest): string {
  return `${serverErrorDetails[code] ?? serverErrorDetails.internal} Quote request id ${request.id} when reporting it.`;
}

function buildProblem(
  request: FastifyRequest,
  code: ProblemCode,
  status: number,
  detail: string,
  errors: ProblemError[],
): ProblemDetails {
  return {
    type: problemType(code),
    title: problemTitles[code],
    status,
    detail,
    instance: pathOf(request),
    code,
    requestId: request.id,
    errors,
  };
}

function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? request.url;
}
