import type { InjectOptions } from 'fastify';
import type { Subject, TableRole } from './access-fixture.js';
import { subjectDeal } from './access-fixture.js';

/** The expected status for each role, in the order of `tableRoles`. */
type Statuses = readonly [
  anonymous: number,
  rep: number,
  manager: number,
  executive: number,
  viewer: number,
  admin: number,
];

export type AccessRow = {
  /** `METHOD /api/path/:param`, exactly as the route is registered. */
  route: string;
  /** Whose deal the request is about, for routes about one deal. */
  subject?: Subject;
  /** Builds the request; `deal` is the subject's deal id. */
  request: (context: { deal: string; role: TableRole }) => InjectOptions;
  /** A request that ends the caller's session runs on a fresh session of its own. */
  endsSession?: boolean;
  expect: Statuses;
};

const everyoneSignedIn: Statuses = [401, 200, 200, 200, 200, 200];
const open: Statuses = [200, 200, 200, 200, 200, 200];

const get = (url: string) => () => ({ method: 'GET' as const, url });

/** One row per route × subject. A route missing here fails the coverage test. */
export const accessTable: AccessRow[] = [
  { route: 'GET /api/health', request: get('/api/health'), expect: open },
  { route: 'GET /api/openapi.json', request: get('/api/openapi.json'), expect: open },
  { route: 'GET /api/auth/options', request: get('/api/auth/options'), expect: open },
  {
    route: 'POST /api/auth/sign-in',
    request: () => ({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'oscar@server.test', password: 'correct-horse-battery' },
    }),
    expect: open,
  },
  { route: 'GET /api/session', request: get('/api/session'), expect: everyoneSignedIn },
  {
    route: 'POST /api/auth/sign-out',
    request: () => ({ method: 'POST', url: '/api/auth/sign-out', payload: {} }),
    endsSession: true,
    expect: everyoneSignedIn,
  },
  { route: 'GET /api/ledger/head', request: get('/api/ledger/head'), expect: everyoneSignedIn },
  { route: 'GET /api/pipeline', request: get('/api/pipeline?period=2026-Q1'), expect: everyoneSignedIn },
  {
    route: 'GET /api/opportunities',
    request: get('/api/opportunities?period=2026-Q1'),
    expect: everyoneSignedIn,
  },
  ...dealRows('GET /api/opportunities/:id', (deal) => get(`/api/opportunities/${deal}`)(), {
    own: [401, 200, 200, 200, 200, 200],
    subtree: [401, 404, 200, 200, 200, 200],
    outside: [401, 404, 404, 200, 200, 200],
  }),
  ...dealRows('GET /api/opportunities/:id/timeline', (deal) => get(`/api/opportunities/${deal}/timeline`)(), {
    own: [401, 200, 200, 200, 200, 200],
    subtree: [401, 404, 200, 200, 200, 200],
    outside: [401, 404, 404, 200, 200, 200],
  }),
];

/** Three rows for a route about one deal: the rep's own, one in the manager's subtree, one outside. */
export function dealRows(
  route: string,
  request: (deal: string, role: TableRole) => InjectOptions,
  expect: Record<Subject, Statuses>,
): AccessRow[] {
  return (['own', 'subtree', 'outside'] as const).map((subject) => ({
    route,
    subject,
    request: ({ role }) => request(subjectDeal[subject], role),
    expect: expect[subject],
  }));
}
