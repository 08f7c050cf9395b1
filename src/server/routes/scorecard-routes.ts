import {
  insightQuerySchema,
  leadingInsightSchema,
  scorecardQuerySchema,
  scorecardReportSchema,
} from '../../api/scorecards.js';
import { withExportFormat } from '../../api/exports.js';
import { exportScorecards } from '../../services/scorecards/export-scorecards.js';
import { getLeadingInsight } from '../../services/scorecards/get-leading-insight.js';
import { getScorecards } from '../../services/scorecards/get-scorecards.js';
import type { AppDeps } from '../app-deps.js';
import { problemResponses } from './problem-responses.js';
import { sendDownload } from './send-download.js';
import type { ZodApp } from './zod-app.js';

const tags = ['scorecards'];

export function registerScorecardRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/scorecards',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Scorecards of the reps and teams the caller may see for a quarter, month or week',
        tags,
        querystring: scorecardQuerySchema,
        response: { 200: scorecardReportSchema, ...problemResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) =>
      getScorecards(deps.db, {
        period: request.query.period,
        teamId: request.query.teamId,
        ownerId: request.query.ownerId,
        scope: request.scope,
        now: deps.clock(),
      }),
  );

  app.get(
    '/scorecards/export',
    {
      config: { access: 'read' },
      schema: {
        summary: 'The scorecards GET /api/scorecards answers for the same query, as a CSV or XLSX file',
        tags: [...tags, 'exports'],
        querystring: withExportFormat(scorecardQuerySchema),
        response: problemResponses(400, 401, 403, 404, 500),
      },
    },
    async (request, reply) => {
      const { period, teamId, ownerId, format } = request.query;
      const download = await exportScorecards(deps.db, {
        period,
        teamId,
        ownerId,
        format,
        scope: request.scope,
        now: deps.clock(),
      });
      return sendDownload(reply, download);
    },
  );

  app.get(
    '/scorecards/insight',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Which leading indicators measured early in past quarters went with attainment at their end',
        tags,
        querystring: insightQuerySchema,
        response: { 200: leadingInsightSchema, ...problemResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) =>
      getLeadingInsight(deps.db, {
        period: request.query.period,
        teamId: request.query.teamId,
        weeks: request.query.weeks,
        scope: request.scope,
        now: deps.clock(),
      }),
  );
}
