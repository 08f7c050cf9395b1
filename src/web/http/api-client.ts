import type { ProblemDetails } from '../../api/problem-details.js';
import type { csrfHeaderName } from '../../api/session.js';
import { ApiError } from './api-error.js';

// Type-only imports keep zod (the server's validator) out of the browser bundle; `typeof` still
// makes the compiler check these names against the contract in src/api.
const csrfHeader: typeof csrfHeaderName = 'x-csrf-token';

/** Every change says which client sent it, so the server log and ledger can tell the web app apart. */
const clientHeader = { 'x-candor-client': 'web' } as const;

export type QueryValue = string | number | boolean | null | undefined | readonly string[];

/** Builds a query string, leaving out empty values and repeating array values (stage=A&stage=B). */
export function toQuery(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value) search.append(key, item);
    else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** GET a JSON document from the API (same origin: the HttpOnly session cookie goes along). */
export async function getJson<T>(
  path: string,
  params: Record<string, QueryValue> = {},
  signal?: AbortSignal,
): Promise<T> {
  return request<T>(`${path}${toQuery(params)}`, { method: 'GET', signal: signal ?? null });
}

export type SendOptions = {
  method?: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** JSON body, or FormData for uploads (the browser then sets the multipart boundary). */
  body?: unknown;
  /** The session's CSRF token (GET /api/session); every change must carry it. */
  csrfToken: string | null;
};

export async function sendJson<T>(path: string, options: SendOptions): Promise<T> {
  const headers: Record<string, string> = { ...clientHeader };
  if (options.csrfToken) headers[csrfHeader] = options.csrfToken;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  return request<T>(path, { method: options.method ?? 'POST', headers, body });
}

async function request<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...init.headers },
    });
  } catch {
    throw new ApiError(0, null, 'network error');
  }
  if (!response.ok) throw new ApiError(response.status, await readProblem(response), response.statusText);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function readProblem(response: Response): Promise<ProblemDetails | null> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  try {
    const body = (await response.json()) as Partial<ProblemDetails>;
    return typeof body.detail === 'string' && typeof body.code === 'string'
      ? ({ errors: [], ...body } as ProblemDetails)
      : null;
  } catch {
    return null;
  }
}
