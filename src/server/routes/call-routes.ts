import {
  callExportQuerySchema,
  callGridQuerySchema,
  callGridSchema,
  callHistoryQuerySchema,
  callHistorySchema,
  callPolicyChangeSchema,
  callPolicySchema,
  callSubmissionSchema,
  callViewSchema,
  missingCallsSchema,
  periodQuerySchema,
  trackRecordQuerySchema,
  trackRecordsSchema,
} from '../../api/calls.js';
import { withExportFormat } from '../../api/exports.js';
import { changeCallPolicy, getCallPolicy } from '../../services/calls/change-call-policy.js';
import { exportCallGrid } from '../../services/calls/export-call-grid.js';
import { exportCalls } from '../../services/calls/export-calls.js';
import { exportMissingCalls } from '../../services/calls/export-missing-calls.js';
import { exportTrackRecords } from '../../services/calls/export-track-records.js';
import { getCallGrid } from '../../services/calls/get-call-grid.js';
import { getCallHistory } from '../../services/calls/get-call-history.js';
import { getTrackRecords } from '../../services/calls/get-track-records.js';
import { listMissingCalls } from '../../services/calls/list-missing-calls.js';
import { submitCall } from '../../services/calls/submit-call.js';
import type { AppDeps } from '../app-deps.js';
import { requirePrincipal } from '../auth/require-principal.js';
import { changeContext } from './change-context.js';
import { sendDownload } from './send-download.js';
import { problemResponses } from './problem-responses.js';
import type { ZodApp } from './zod-app.js';

export function registerCallRoutes(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/calls',
    {
      config: { access: 'forecast' },
      schema: {
        summary:
          'Submit a forecast call (commit, best case, note): one ledger event; a later call supersedes it',
        description:
          'The call counts for the week whose window is open now; after a week’s due time it counts for ' +
          'the next week, after the period’s last due time it is refused (409 call-window-closed). A call ' +
          'further from the roll-up than the policy share without a reason is 422 call-reason-required.',
        tags: ['calls'],
        body: callSubmissionSchema,
        response: { 201: callViewSchema, ...problemResponses(400, 401, 403, 409, 422, 500) },
      },
    },
    async (request, reply) => {
      const call = await submitCall(deps.db, {
        ...changeContext(request, deps),
        ...request.body,
        forecastScope: requirePrincipal(request).access.forecast,
      });
      return reply.code(201).send(call);
    },
  );

  app.get(
    '/calls/grid',
    {
      config: { access: 'read' },
      schema: {
        summary: "A team's calls beside the bottom-up sums of their deals, with the change since last week",
        tags: ['calls'],
        querystring: callGridQuerySchema,
        response: { 200: callGridSchema, ...problemResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) =>
      getCallGrid(deps.db, {
        period: request.query.period,
        teamId: request.query.team,
        userId: requirePrincipal(request).userId,
        readScope: request.scope,
        now: deps.clock(),
      }),
  );

  app.get(
    '/calls/grid/export',
    {
      config: { access: 'read' },
      schema: {
        summary: 'The call grid GET /api/calls/grid answers for the same query, as a CSV or XLSX file',
        tags: ['calls', 'exports'],
        querystring: withExportFormat(callGridQuerySchema),
        response: problemResponses(400, 401, 403, 404, 500),
      },
    },
    async (request, reply) => {
      const download = await exportCallGrid(deps.db, {
        period: request.query.period,
        teamId: request.query.team,
        userId: requirePrincipal(request).userId,
        readScope: request.scope,
        now: deps.clock(),
        format: request.query.format,
      });
      return sendDownload(reply, download);
    },
  );

  app.get(
    '/calls/history',
    {
      config: { access: 'read' },
      schema: {
        summary: "One person's calls for a period, week by week, against the roll-up at each due time",
        tags: ['calls'],
        querystring: callHistoryQuerySchema,
        response: { 200: callHistorySchema, ...problemResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) =>
      getCallHistory(deps.db, {
        period: request.query.period,
        userId: request.query.user ?? requirePrincipal(request).userId,
        readScope: request.scope,
        now: deps.clock(),
      }),
  );

  app.get(
    '/calls/export',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Every call submission of a period within your scope as a CSV or XLSX file',
        tags: ['calls', 'exports'],
        querystring: callExportQuerySchema,
        response: problemResponses(400, 401, 403, 500),
      },
    },
    async (request, reply) => {
      const download = await exportCalls(deps.db, {
        period: request.query.period,
        userId: request.query.user,
        readScope: request.scope,
        format: request.query.format,
      });
      return sendDownload(reply, download);
    },
  );

  app.get(
    '/calls/reminders',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Who has not submitted a call for the week open now, and when it is due',
        tags: ['calls'],
        querystring: periodQuerySchema,
        response: { 200: missingCallsSchema, ...problemResponses(400, 401, 403, 500) },
      },
    },
    async (request) =>
      listMissingCalls(deps.db, {
        period: request.query.period,
        readScope: request.scope,
        now: deps.clock(),
      }),
  );

  app.get(
    '/calls/reminders/export',
    {
      config: { access: 'read' },
      schema: {
        summary:
          'Who has not called for the week open now (GET /api/calls/reminders for the same period), as a CSV or XLSX file',
        tags: ['calls', 'exports'],
        querystring: withExportFormat(periodQuerySchema),
        response: problemResponses(400, 401, 403, 500),
      },
    },
    async (request, reply) => {
      const download = await exportMissingCalls(deps.db, {
        period: request.query.period,
        readScope: request.scope,
        now: deps.clock(),
        format: request.query.format,
      });
      return sendDownload(reply, download);
    },
  );

  app.get(
    '/calls/track-records',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Forecast track records of the people you can see, scored over closed periods',
        tags: ['calls'],
        querystring: trackRecordQuerySchema,
        response: { 200: trackRecordsSchema, ...problemResponses(400, 401, 403, 500) },
      },
    },
    async (request) =>
      getTrackRecords(deps.db, {
        readScope: request.scope,
        now: deps.clock(),
        periods: request.query.periods?.split(','),
      }),
  );

  app.get(
    '/calls/track-records/export',
    {
      config: { access: 'read' },
      schema: {
        summary:
          'The track records GET /api/calls/track-records answers for the same periods (Candor, people, teams), as a CSV or XLSX file',
        tags: ['calls', 'exports'],
        querystring: withExportFormat(trackRecordQuerySchema),
        response: problemResponses(400, 401, 403, 500),
      },
    },
    async (request, reply) => {
      const download = await exportTrackRecords(deps.db, {
        readScope: request.scope,
        now: deps.clock(),
        periods: request.query.periods?.split(','),
        format: request.query.format,
      });
      return sendDownload(reply, download);
    },
  );

  app.get(
    '/calls/policy',
    {
      config: { access: 'read' },
      schema: {
        summary: 'When calls are due and when a call needs a reason',
        tags: ['calls'],
        response: { 200: callPolicySchema, ...problemResponses(401, 403, 500) },
      },
    },
    async () => getCallPolicy(deps.db),
  );

  app.patch(
    '/calls/policy',
    {
      config: { access: 'administer' },
      schema: {
        summary: 'Change when calls are due and when a call needs a reason (a ledger event)',
        tags: ['calls', 'admin'],
        body: callPolicyChangeSchema,
        response: { 200: callPolicySchema, ...problemResponses(400, 401, 403, 500) },
      },
    },
    async (request) => changeCallPolicy(deps.db, { ...changeContext(request, deps), change: request.body }),
  );
}
