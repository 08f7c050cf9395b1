import { z } from 'zod';
import {
  accountOverviewSchema,
  accountMatchListSchema,
  accountParamsSchema,
  accountSearchQuerySchema,
  engagementPeriodQuerySchema,
  engagementPlanSchema,
  engagementReportSchema,
  engagementSettingsChangeSchema,
  engagementSettingsViewSchema,
  meetingLogSchema,
  meetingSchema,
  sponsorParamsSchema,
  strategicAccountChangeSchema,
  strategicAccountSchema,
} from '../../api/engagement.js';
import { withExportFormat } from '../../api/exports.js';
import { exportAccountMeetings } from '../../services/engagement/export-account-meetings.js';
import { exportEngagementMeetings } from '../../services/engagement/export-engagement-meetings.js';
import { exportEngagementPlan } from '../../services/engagement/export-engagement-plan.js';
import { getAccountOverview } from '../../services/engagement/get-account-overview.js';
import { getEngagementPlan } from '../../services/engagement/get-engagement-plan.js';
import { getEngagementReport } from '../../services/engagement/get-engagement-report.js';
import { getSponsorCalendar } from '../../services/engagement/get-sponsor-calendar.js';
import { logMeeting } from '../../services/engagement/log-meeting.js';
import { searchAccounts } from '../../services/insights/search-accounts.js';
import { configureEngagement, setStrategicAccount } from '../../services/engagement/set-strategic-account.js';
import type { AppDeps } from '../app-deps.js';
import { requirePrincipal } from '../auth/require-principal.js';
import { changeContext } from './change-context.js';
import { sendDownload } from './send-download.js';
import { problemResponses } from './problem-responses.js';
import type { ZodApp } from './zod-app.js';

export function registerEngagementRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/engagement/plan',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Strategic accounts of a period: scores, sponsors, cadences, reviews due and coverage',
        tags: ['engagement'],
        querystring: engagementPeriodQuerySchema,
        response: { 200: engagementPlanSchema, ...problemResponses(400, 404, 500) },
      },
    },
    async (request) =>
      getEngagementPlan(deps.db, { period: request.query.period, scope: request.scope, now: deps.clock() }),
  );

  app.get(
    '/engagement/plan/export',
    {
      config: { access: 'read' },
      schema: {
        summary:
          'The strategic accounts GET /api/engagement/plan answers for the period, as a CSV or XLSX file',
        tags: ['engagement', 'exports'],
        querystring: withExportFormat(engagementPeriodQuerySchema),
        response: problemResponses(400, 404, 500),
      },
    },
    async (request, reply) => {
      const { period, format } = request.query;
      const download = await exportEngagementPlan(deps.db, {
        period,
        scope: request.scope,
        now: deps.clock(),
        format,
      });
      return sendDownload(reply, download);
    },
  );

  app.get(
    '/engagement/report',
    {
      config: { access: 'read' },
      schema: {
        summary:
          'Planned against fire-drill executive meetings per sponsor and per period, and the deals afterwards',
        tags: ['engagement'],
        querystring: engagementPeriodQuerySchema,
        response: { 200: engagementReportSchema, ...problemResponses(400, 404, 500) },
      },
    },
    async (request) => getEngagementReport(deps.db, { period: request.query.period, scope: request.scope }),
  );

  app.get(
    '/engagement/report/export',
    {
      config: { access: 'read' },
      schema: {
        summary:
          'The held meetings GET /api/engagement/report counts for the period (planned, fire drill, unplanned), as a CSV or XLSX file',
        tags: ['engagement', 'exports'],
        querystring: withExportFormat(engagementPeriodQuerySchema),
        response: problemResponses(400, 404, 500),
      },
    },
    async (request, reply) => {
      const { period, format } = request.query;
      return sendDownload(
        reply,
        await exportEngagementMeetings(deps.db, { period, scope: request.scope, format }),
      );
    },
  );

  app.post(
    '/engagement/meetings',
    {
      config: { access: 'forecast' },
      schema: {
        summary: 'Log a meeting with a customer (planned or not, held or scheduled): one ledger event',
        tags: ['engagement'],
        body: meetingLogSchema,
        response: { 201: meetingSchema, ...problemResponses(400, 403, 404, 500) },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { startsAt, ...body } = request.body;
      const meeting = await logMeeting(deps.db, {
        ...changeContext(request, deps),
        input: { ...body, startsAt: new Date(startsAt) },
        readScope: principal.access.read,
        writeScope: principal.access.forecast,
      });
      return reply.code(201).send(meeting);
    },
  );

  app.get(
    '/accounts',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Accounts you may see whose name contains the search text, names that begin with it first',
        tags: ['engagement', 'insights'],
        querystring: accountSearchQuerySchema,
        response: { 200: accountMatchListSchema, ...problemResponses(400, 500) },
      },
    },
    async (request) => searchAccounts(deps.db, { ...request.query, scope: request.scope }),
  );

  app.get(
    '/accounts/:id',
    {
      config: { access: 'read' },
      schema: {
        summary: 'An account, its place in the executive programme and its meetings',
        tags: ['engagement'],
        params: accountParamsSchema,
        response: { 200: accountOverviewSchema, ...problemResponses(404, 500) },
      },
    },
    async (request) => getAccountOverview(deps.db, { id: request.params.id, scope: request.scope }),
  );

  app.get(
    '/accounts/:id/export',
    {
      config: { access: 'read' },
      schema: {
        summary: "The account's meetings GET /api/accounts/:id lists, as a CSV or XLSX file",
        tags: ['engagement', 'exports'],
        params: accountParamsSchema,
        querystring: withExportFormat(z.object({})),
        response: problemResponses(400, 404, 500),
      },
    },
    async (request, reply) => {
      const download = await exportAccountMeetings(deps.db, {
        id: request.params.id,
        scope: request.scope,
        format: request.query.format,
      });
      return sendDownload(reply, download);
    },
  );

  app.patch(
    '/engagement/accounts/:id',
    {
      config: { access: 'administer' },
      schema: {
        summary: "Set an account's strategic tag, executive sponsor and cadence",
        tags: ['engagement', 'administration'],
        params: accountParamsSchema,
        body: strategicAccountChangeSchema,
        response: { 200: strategicAccountSchema, ...problemResponses(400, 404, 500) },
      },
    },
    async (request) =>
      setStrategicAccount(deps.db, {
        ...changeContext(request, deps),
        accountId: request.params.id,
        change: request.body,
      }),
  );

  app.patch(
    '/engagement/settings',
    {
      config: { access: 'administer' },
      schema: {
        summary:
          'Change how the critical subset is chosen (top N or threshold), the fire-drill window and the default cadence',
        tags: ['engagement', 'administration'],
        body: engagementSettingsChangeSchema,
        response: { 200: engagementSettingsViewSchema, ...problemResponses(400, 500) },
      },
    },
    async (request) =>
      configureEngagement(deps.db, { ...changeContext(request, deps), change: request.body }),
  );

  app.get(
    '/engagement/sponsors/:id/calendar.ics',
    {
      config: { access: 'read' },
      schema: {
        summary: "A sponsor's scheduled business reviews as an iCalendar file",
        tags: ['engagement', 'exports'],
        params: sponsorParamsSchema,
        response: problemResponses(404, 500),
      },
    },
    async (request, reply) => {
      const now = deps.clock();
      const file = await getSponsorCalendar(deps.db, {
        sponsorId: request.params.id,
        scope: request.scope,
        from: new Date(now.getTime() - 7 * 86_400_000),
        host: 'candor',
      });
      return sendDownload(reply, { ...file, contentType: 'text/calendar; charset=utf-8' });
    },
  );
}
