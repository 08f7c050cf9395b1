import type { InjectOptions } from 'fastify';
import { dealsCsvMapping } from '../../helpers/deals-csv-mapping.js';
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
const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload: object) => (): InjectOptions => ({
  method,
  url,
  payload,
});
/** Admin routes: only the admin's request reaches the handler (it runs last of the roles). */
const adminOnly = (status: number): Statuses => [401, 403, 403, 403, 403, status];
let editCount = 0;

/** A one-deal CSV with its mapping, as the imports page uploads it. */
function importForm(): FormData {
  const data = new FormData();
  data.append('kind', 'csv');
  const csv =
    'Deal ID,Deal Name,Owner,Stage,Value,Currency,Close,Created\r\nP-1,Partner lead,Oscar Outside,Prospecting,800,USD,2026-06-30,2026-04-01\r\n';
  const mapping = dealsCsvMapping('access');
  data.append('file', new Blob([csv]), 'deals.csv');
  data.append('mapping', JSON.stringify(mapping));
  return data;
}

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
  // Single sign-on is public; this server has none configured, so both answer 404 to everyone.
  {
    route: 'GET /api/auth/oidc/start',
    request: get('/api/auth/oidc/start'),
    expect: [404, 404, 404, 404, 404, 404],
  },
  {
    route: 'GET /api/auth/oidc/callback',
    request: get('/api/auth/oidc/callback?state=x&code=y'),
    expect: [404, 404, 404, 404, 404, 404],
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
    route: 'GET /api/pipeline/export',
    request: get('/api/pipeline/export?period=2026-Q1&format=xlsx'),
    expect: everyoneSignedIn,
  },
  { route: 'GET /api/bridge', request: get('/api/bridge?period=2026-Q1'), expect: everyoneSignedIn },
  {
    route: 'GET /api/bridge/export',
    request: get('/api/bridge/export?period=2026-Q1'),
    expect: everyoneSignedIn,
  },
  { route: 'GET /api/boardpack', request: get('/api/boardpack?period=2026-Q1'), expect: everyoneSignedIn },
  // Candor's forecast: everyone who reads gets it for their own scope; a person outside it is refused.
  {
    route: 'GET /api/forecast',
    request: get('/api/forecast?period=2027-Q1&asOf=2026-01-10T00:00:00Z'),
    expect: everyoneSignedIn,
  },
  {
    // Ben's deals: outside the rep's scope, inside everyone else's.
    route: 'GET /api/forecast',
    request: get('/api/forecast?period=2027-Q1&asOf=2026-01-10T00:00:00Z&owner=u2'),
    expect: [401, 403, 200, 200, 200, 200],
  },
  {
    route: 'GET /api/forecast/export',
    request: get('/api/forecast/export?period=2027-Q1&asOf=2026-01-10T00:00:00Z&deals=true&format=xlsx'),
    expect: everyoneSignedIn,
  },
  {
    // Ben's deals: outside the rep's scope, inside everyone else's.
    route: 'GET /api/forecast/export',
    request: get('/api/forecast/export?period=2027-Q1&asOf=2026-01-10T00:00:00Z&owner=u2'),
    expect: [401, 403, 200, 200, 200, 200],
  },
  // The backtest scores the whole organisation: only those who read everything see it.
  {
    route: 'GET /api/backtest',
    request: get('/api/backtest?from=2025-10-01&to=2025-12-31'),
    expect: [401, 403, 403, 200, 200, 200],
  },
  {
    route: 'GET /api/backtest/export',
    request: get('/api/backtest/export?from=2025-10-01&to=2025-12-31'),
    expect: [401, 403, 403, 200, 200, 200],
  },
  {
    route: 'GET /api/opportunities',
    request: get('/api/opportunities?period=2026-Q1'),
    expect: everyoneSignedIn,
  },
  {
    route: 'GET /api/opportunities/filter-options',
    request: get('/api/opportunities/filter-options'),
    expect: everyoneSignedIn,
  },
  ...dealRows('GET /api/opportunities/:id', (deal) => get(`/api/opportunities/${deal}`)(), {
    own: [401, 200, 200, 200, 200, 200],
    subtree: [401, 404, 200, 200, 200, 200],
    outside: [401, 404, 404, 200, 200, 200],
  }),
  // As of an instant, the scope applies to the owner the deal had then (the same people here).
  ...dealRows('GET /api/opportunities/:id', (deal) => get(`/api/opportunities/${deal}?asOf=2026-03-01`)(), {
    own: [401, 200, 200, 200, 200, 200],
    subtree: [401, 404, 200, 200, 200, 200],
    outside: [401, 404, 404, 200, 200, 200],
  }),
  ...dealRows('GET /api/opportunities/:id/timeline', (deal) => get(`/api/opportunities/${deal}/timeline`)(), {
    own: [401, 200, 200, 200, 200, 200],
    subtree: [401, 404, 200, 200, 200, 200],
    outside: [401, 404, 404, 200, 200, 200],
  }),
  ...dealRows(
    'GET /api/opportunities/:id/timeline/export',
    (deal) => get(`/api/opportunities/${deal}/timeline/export?format=xlsx`)(),
    {
      own: [401, 200, 200, 200, 200, 200],
      subtree: [401, 404, 200, 200, 200, 200],
      outside: [401, 404, 404, 200, 200, 200],
    },
  ),
  ...dealRows(
    'PATCH /api/opportunities/:id',
    (deal, role) => ({
      method: 'PATCH',
      url: `/api/opportunities/${deal}`,
      payload: { nextStep: `Call back (${role}, ${(editCount += 1)})` },
    }),
    {
      own: [401, 200, 200, 403, 403, 403],
      subtree: [401, 404, 200, 403, 403, 403],
      outside: [401, 404, 404, 403, 403, 403],
    },
  ),
  {
    route: 'GET /api/opportunities/export',
    request: get('/api/opportunities/export?format=csv&period=2026-Q1'),
    expect: everyoneSignedIn,
  },
  {
    route: 'POST /api/imports',
    request: () => ({ method: 'POST', url: '/api/imports', payload: importForm() }),
    expect: adminOnly(202),
  },
  { route: 'GET /api/imports', request: get('/api/imports'), expect: adminOnly(200) },
  {
    route: 'GET /api/imports/export',
    request: get('/api/imports/export?format=xlsx'),
    expect: adminOnly(200),
  },
  { route: 'GET /api/imports/:id', request: get('/api/imports/access-job'), expect: adminOnly(200) },
  {
    route: 'GET /api/imports/:id/rejects.:format',
    request: get('/api/imports/access-job/rejects.csv'),
    expect: adminOnly(200),
  },
  {
    // The job rejected nothing, so the admin is let in and told there is no such file.
    route: 'GET /api/imports/:id/rejected-records/:file',
    request: get('/api/imports/access-job/rejected-records/deals.rejected.csv'),
    expect: adminOnly(404),
  },
  {
    route: 'POST /api/ledger/verify',
    request: send('POST', '/api/ledger/verify', {}),
    expect: adminOnly(202),
  },
  {
    route: 'GET /api/ledger/verifications',
    request: get('/api/ledger/verifications'),
    expect: adminOnly(200),
  },
  {
    route: 'GET /api/ledger/verifications/export',
    request: get('/api/ledger/verifications/export?format=csv'),
    expect: adminOnly(200),
  },
  {
    // Only the admin reaches the handler, which has no job of this id.
    route: 'GET /api/ledger/verifications/:id',
    request: get('/api/ledger/verifications/no-such-job'),
    expect: adminOnly(404),
  },
  // Administration, aimed at Oscar and the Partners team so the other people's access stays put.
  { route: 'GET /api/admin/users', request: get('/api/admin/users'), expect: adminOnly(200) },
  {
    route: 'GET /api/admin/users/export',
    request: get('/api/admin/users/export?format=xlsx'),
    expect: adminOnly(200),
  },
  {
    route: 'POST /api/admin/users',
    request: send('POST', '/api/admin/users', { name: 'New Person', email: 'new.person@server.test' }),
    expect: adminOnly(201),
  },
  {
    route: 'PATCH /api/admin/users/:id',
    request: send('PATCH', '/api/admin/users/u8', { title: 'Partner manager' }),
    expect: adminOnly(200),
  },
  {
    route: 'POST /api/admin/users/:id/roles',
    request: send('POST', '/api/admin/users/u8/roles', { teamId: 'partners', role: 'viewer' }),
    expect: adminOnly(200),
  },
  {
    route: 'DELETE /api/admin/users/:id/roles',
    request: send('DELETE', '/api/admin/users/u8/roles', { teamId: 'partners', role: 'viewer' }),
    expect: adminOnly(200),
  },
  {
    route: 'POST /api/admin/users/:id/password',
    request: send('POST', '/api/admin/users/u8/password', { password: 'another-long-password' }),
    expect: adminOnly(200),
  },
  { route: 'GET /api/admin/teams', request: get('/api/admin/teams'), expect: adminOnly(200) },
  { route: 'GET /api/admin/teams/export', request: get('/api/admin/teams/export'), expect: adminOnly(200) },
  {
    route: 'POST /api/admin/teams',
    request: send('POST', '/api/admin/teams', { name: 'Channel', parentId: 'partners' }),
    expect: adminOnly(201),
  },
  {
    route: 'PATCH /api/admin/teams/:id',
    request: send('PATCH', '/api/admin/teams/partners', { name: 'Partners and alliances' }),
    expect: adminOnly(200),
  },
  { route: 'GET /api/admin/stages', request: get('/api/admin/stages'), expect: adminOnly(200) },
  { route: 'GET /api/admin/stages/export', request: get('/api/admin/stages/export'), expect: adminOnly(200) },
  {
    route: 'POST /api/admin/stages',
    request: send('POST', '/api/admin/stages', {
      name: 'Discovery',
      probability: 0.05,
      forecastCategory: 'Pipeline',
    }),
    expect: adminOnly(201),
  },
  {
    route: 'PATCH /api/admin/stages/:name',
    request: send('PATCH', '/api/admin/stages/Discovery', { probability: 0.08 }),
    expect: adminOnly(200),
  },
  { route: 'GET /api/admin/settings', request: get('/api/admin/settings'), expect: adminOnly(200) },
  {
    route: 'PATCH /api/admin/settings',
    request: send('PATCH', '/api/admin/settings', { lateCloseAfterDays: 10 }),
    expect: adminOnly(200),
  },
  // Forecast calls: reps, managers and executives submit; everyone who reads sees what their scope holds.
  {
    route: 'POST /api/calls',
    request: send('POST', '/api/calls', { period: '2026-Q2', commit: '0', bestCase: '0', reason: 'access' }),
    expect: [401, 201, 201, 201, 403, 403],
  },
  { route: 'GET /api/calls/grid', request: get('/api/calls/grid?period=2026-Q2'), expect: everyoneSignedIn },
  {
    route: 'GET /api/calls/grid/export',
    request: get('/api/calls/grid/export?period=2026-Q2'),
    expect: everyoneSignedIn,
  },
  {
    route: 'GET /api/calls/history',
    request: get('/api/calls/history?period=2026-Q2'),
    expect: everyoneSignedIn,
  },
  {
    // Ben's calls: outside the rep's scope, inside everyone else's.
    route: 'GET /api/calls/history',
    request: get('/api/calls/history?period=2026-Q2&user=u2'),
    expect: [401, 404, 200, 200, 200, 200],
  },
  {
    route: 'GET /api/calls/export',
    request: get('/api/calls/export?period=2026-Q2'),
    expect: everyoneSignedIn,
  },
  {
    route: 'GET /api/calls/reminders',
    request: get('/api/calls/reminders?period=2026-Q2'),
    expect: everyoneSignedIn,
  },
  {
    route: 'GET /api/calls/reminders/export',
    request: get('/api/calls/reminders/export?period=2026-Q2'),
    expect: everyoneSignedIn,
  },
  {
    route: 'GET /api/calls/track-records',
    request: get('/api/calls/track-records'),
    expect: everyoneSignedIn,
  },
  {
    route: 'GET /api/calls/track-records/export',
    request: get('/api/calls/track-records/export?format=xlsx'),
    expect: everyoneSignedIn,
  },
  { route: 'GET /api/calls/policy', request: get('/api/calls/policy'), expect: everyoneSignedIn },
  {
    route: 'PATCH /api/calls/policy',
    request: send('PATCH', '/api/calls/policy', { dueTime: '17:00' }),
    expect: adminOnly(200),
  },
  // Quotas, targets and scorecards: everyone signed in reads (cut to their scope); admins set.
  { route: 'GET /api/quotas', request: get('/api/quotas?period=2026-Q1'), expect: everyoneSignedIn },
  {
    route: 'GET /api/quotas/export',
    request: get('/api/quotas/export?period=2026-Q1&format=xlsx'),
    expect: everyoneSignedIn,
  },
  {
    route: 'PUT /api/quotas',
    request: () => ({
      method: 'PUT',
      url: '/api/quotas',
      payload: { subjectType: 'user', subjectId: 'u8', period: '2026-Q1', amount: '1000.00' },
    }),
    expect: adminOnly(200),
  },
  {
    route: 'DELETE /api/quotas',
    request: send('DELETE', '/api/quotas', { subjectType: 'user', subjectId: 'u8', period: '2026-Q1' }),
    expect: adminOnly(200),
  },
  { route: 'GET /api/targets', request: get('/api/targets'), expect: everyoneSignedIn },
  { route: 'GET /api/targets/export', request: get('/api/targets/export'), expect: everyoneSignedIn },
  {
    route: 'PUT /api/targets',
    request: () => ({
      method: 'PUT',
      url: '/api/targets',
      payload: { role: 'viewer', indicator: 'calls_per_week', value: '5' },
    }),
    expect: adminOnly(200),
  },
  { route: 'GET /api/scorecards', request: get('/api/scorecards?period=2026-Q1'), expect: everyoneSignedIn },
  {
    route: 'GET /api/scorecards/export',
    request: get('/api/scorecards/export?period=2026-Q1&format=xlsx'),
    expect: everyoneSignedIn,
  },
  {
    route: 'GET /api/scorecards/insight',
    request: get('/api/scorecards/insight?period=2026-Q1'),
    expect: everyoneSignedIn,
  },
  { route: 'GET /api/admin/currencies', request: get('/api/admin/currencies'), expect: adminOnly(200) },
  {
    route: 'GET /api/admin/currencies/export',
    request: get('/api/admin/currencies/export?format=csv'),
    expect: adminOnly(200),
  },
  {
    route: 'POST /api/admin/currencies',
    request: send('POST', '/api/admin/currencies', { code: 'GBP', decimals: 2 }),
    expect: adminOnly(201),
  },
  // Voice of the customer and executive engagement: reads are scoped, writes need a front-line role
  // (forecast), programme settings an admin. d1 is Ana's deal at Acme Corp (a1).
  { route: 'GET /api/insights', request: get('/api/insights?accountId=a1'), expect: everyoneSignedIn },
  {
    route: 'GET /api/insights/export',
    request: get('/api/insights/export?accountId=a1'),
    expect: everyoneSignedIn,
  },
  {
    route: 'POST /api/insights',
    request: send('POST', '/api/insights', { opportunityId: 'd1', type: 'feature-request', text: 'SSO' }),
    expect: [401, 201, 201, 201, 403, 403],
  },
  {
    route: 'GET /api/insights/summary',
    request: get('/api/insights/summary?period=2026-Q1'),
    expect: everyoneSignedIn,
  },
  {
    route: 'GET /api/insights/missing-loss-reasons',
    request: get('/api/insights/missing-loss-reasons'),
    expect: everyoneSignedIn,
  },
  {
    route: 'GET /api/insights/missing-loss-reasons/export',
    request: get('/api/insights/missing-loss-reasons/export?format=csv'),
    expect: everyoneSignedIn,
  },
  {
    route: 'GET /api/insights/digest.:format',
    request: get('/api/insights/digest.md?period=2026-Q1'),
    expect: everyoneSignedIn,
  },
  {
    route: 'GET /api/insights/subscriptions',
    request: get('/api/insights/subscriptions'),
    expect: adminOnly(200),
  },
  {
    route: 'POST /api/insights/subscriptions',
    request: send('POST', '/api/insights/subscriptions', {
      name: 'Product',
      audience: 'product',
      types: ['feature-request'],
      email: 'product@server.test',
    }),
    expect: adminOnly(201),
  },
  {
    route: 'POST /api/insights/digests/send',
    request: send('POST', '/api/insights/digests/send?period=2026-Q1', {}),
    expect: adminOnly(200),
  },
  {
    route: 'GET /api/engagement/plan',
    request: get('/api/engagement/plan?period=2026-Q2'),
    expect: everyoneSignedIn,
  },
  {
    route: 'GET /api/engagement/plan/export',
    request: get('/api/engagement/plan/export?period=2026-Q2&format=xlsx'),
    expect: everyoneSignedIn,
  },
  {
    route: 'GET /api/engagement/report',
    request: get('/api/engagement/report?period=2026-Q2'),
    expect: everyoneSignedIn,
  },
  {
    route: 'GET /api/engagement/report/export',
    request: get('/api/engagement/report/export?period=2026-Q2'),
    expect: everyoneSignedIn,
  },
  {
    route: 'POST /api/engagement/meetings',
    request: send('POST', '/api/engagement/meetings', {
      opportunityId: 'd1',
      title: 'Renewal check-in',
      startsAt: '2026-03-20T15:00:00Z',
      planned: false,
    }),
    expect: [401, 201, 201, 201, 403, 403],
  },
  { route: 'GET /api/accounts', request: get('/api/accounts?search=a'), expect: everyoneSignedIn },
  { route: 'GET /api/activities', request: get('/api/activities?ids=x1'), expect: everyoneSignedIn },
  { route: 'GET /api/accounts/:id', request: get('/api/accounts/a1'), expect: everyoneSignedIn },
  {
    route: 'GET /api/accounts/:id/export',
    request: get('/api/accounts/a1/export?format=xlsx'),
    expect: everyoneSignedIn,
  },
  {
    route: 'PATCH /api/engagement/accounts/:id',
    request: send('PATCH', '/api/engagement/accounts/a1', { strategicTag: true, sponsorId: 'u7' }),
    expect: adminOnly(200),
  },
  {
    route: 'PATCH /api/engagement/settings',
    request: send('PATCH', '/api/engagement/settings', { fireDrillDays: 14 }),
    expect: adminOnly(200),
  },
  {
    route: 'GET /api/engagement/sponsors/:id/calendar.ics',
    request: get('/api/engagement/sponsors/u7/calendar.ics'),
    expect: everyoneSignedIn,
  },
  {
    route: 'POST /api/admin/currencies/:code/rates',
    request: send('POST', '/api/admin/currencies/GBP/rates', { validFrom: '2026-01-01', rate: '1.27' }),
    expect: adminOnly(200),
  },
  // Pipeline hygiene: flags and scores within the caller's scope; one deal's inspection like its page.
  { route: 'GET /api/hygiene', request: get('/api/hygiene?trendWeeks=0'), expect: everyoneSignedIn },
  { route: 'GET /api/hygiene/export', request: get('/api/hygiene/export'), expect: everyoneSignedIn },
  {
    route: 'GET /api/hygiene/scores/export',
    request: get('/api/hygiene/scores/export?format=xlsx'),
    expect: everyoneSignedIn,
  },
  {
    route: 'GET /api/hygiene/inspection',
    request: get('/api/hygiene/inspection?period=2026-Q1'),
    expect: everyoneSignedIn,
  },
  {
    route: 'GET /api/hygiene/inspection/export',
    request: get('/api/hygiene/inspection/export?period=2026-Q1'),
    expect: everyoneSignedIn,
  },
  ...dealRows('GET /api/hygiene/deals/:id', (deal) => get(`/api/hygiene/deals/${deal}`)(), {
    own: [401, 200, 200, 200, 200, 200],
    subtree: [401, 404, 200, 200, 200, 200],
    outside: [401, 404, 404, 200, 200, 200],
  }),
  { route: 'GET /api/admin/hygiene-rules', request: get('/api/admin/hygiene-rules'), expect: adminOnly(200) },
  {
    route: 'GET /api/admin/hygiene-rules/export',
    request: get('/api/admin/hygiene-rules/export'),
    expect: adminOnly(200),
  },
  {
    route: 'PATCH /api/admin/hygiene-rules/:rule',
    request: send('PATCH', '/api/admin/hygiene-rules/amount-swing', { severity: 'high' }),
    expect: adminOnly(200),
  },
  // Weekly digests: only an admin sends them (a dry run here: no channel is configured) or reads the log.
  {
    route: 'POST /api/admin/digests/send',
    request: send('POST', '/api/admin/digests/send', { dryRun: true }),
    expect: adminOnly(200),
  },
  {
    route: 'GET /api/admin/digests/deliveries',
    request: get('/api/admin/digests/deliveries'),
    expect: adminOnly(200),
  },
  {
    route: 'GET /api/admin/digests/deliveries/export',
    request: get('/api/admin/digests/deliveries/export?limit=10&format=xlsx'),
    expect: adminOnly(200),
  },
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
