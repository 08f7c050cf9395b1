import { problemDetailsSchema, problemMediaType } from '../../api/problem-details.js';

const descriptions: Record<number, string> = {
  400: 'a parameter is invalid; `errors` names each one',
  404: 'no such resource (or none the caller may see)',
  500: 'an unexpected error; the answer quotes the request id of the logged failure',
  503: 'the database does not answer',
};

/** The problem-details answers a route documents, by status, for its OpenAPI description. */
export function problemResponses<S extends number>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: descriptions[status] ?? 'problem details',
        content: { [problemMediaType]: { schema: problemDetailsSchema } },
      },
    ]),
  ) as Record<
    S,
    { description: string; content: { [problemMediaType]: { schema: typeof problemDetailsSchema } } }
  >;
}
