import {
  changeHygieneRuleSchema,
  dealHygieneParamsSchema,
  dealHygieneQuerySchema,
  dealHygieneSchema,
  hygieneQuerySchema,
  hygieneReportSchema,
  hygieneRuleListSchema,
  hygieneRuleParamsSchema,
  hygieneRuleSchema,
  inspectionQuerySchema,
  inspectionSchema,
} from '../../api/hygiene.js';
import { withExportFormat } from '../../api/exports.js';
import { exportHygieneFlags } from '../../services/hygiene/export-hygiene-flags.js';
import { exportHygieneScores } from '../../services/hygiene/export-hygiene-scores.js';
import { exportInspection } from '../../services/hygiene/export-inspection.js';
import { getDealHygiene } from '../../services/hygiene/get-deal-hygiene.js';
import { getHygieneReport } from '../../services/hygiene/get-hygiene-report.js';
import { getInspection } from '../../services/hygiene/get-inspection.js';
import { changeHygieneRule, listHygieneRules } from '../../services/hygiene/hygiene-rule-settings.js';
import type { AppDeps } from '../app-deps.js';
import { changeContext } from './change-context.js';
import { registerDigestRoutes } from './digest-routes.js';
import { problemResponses } from './problem-responses.js';
import { sendDownload } from './send-download.js';
import type { ZodApp } from './zod-app.js';

const tags = ['hygiene'];

/** The report's query without what changes no flag or score (the trend and the forecast). */
const hygieneExportQuerySchema = withExportFormat(
  hygieneQuerySchema.omit({ trendWeeks: true, forecast: true }),
);

export function registerHygieneRoutes(app: ZodApp, deps: AppDeps): void {
  registerDigestRoutes(app, deps);
  app.get(
    '/hygiene',
    {
      config: { access: 'read' },
      schema: {
        summary:
          'Pipeline hygiene as of a moment: flags, scores with their trend, pipeline as reported and adjusted',
        tags,
        querystring: hygieneQuerySchema,
        response: { 200: hygieneReportSchema, ...problemResponses(400, 401, 404, 500) },
      },
    },
    async (request) => {
      const { asOf, team, owner, period, trendWeeks, forecast } = request.query;
      return getHygieneReport(deps.db, {
        asOf: asOf ?? deps.clock(),
        scope: request.scope,
        teamId: team,
        ownerId: owner,
        period,
        trendWeeks,
        withForecast: forecast === 'true',
        clock: deps.clock,
      });
    },
  );

  // Two files from the same query: the flags, and the scores (in all, per team, per owner).
  for (const [path, what, exportList] of [
    ['/hygiene/export', 'The flags', exportHygieneFlags],
    ['/hygiene/scores/export', 'The hygiene scores (in all, per team, per owner)', exportHygieneScores],
  ] as const) {
    app.get(
      path,
      {
        config: { access: 'read' },
        schema: {
          summary: `${what} GET /api/hygiene answers for the same moment, team and owner, as a CSV or XLSX file`,
          tags: [...tags, 'exports'],
          querystring: hygieneExportQuerySchema,
          response: problemResponses(400, 401, 404, 500),
        },
      },
      async (request, reply) => {
        const { asOf, team, owner, period, format } = request.query;
        const download = await exportList(deps.db, {
          asOf: asOf ?? deps.clock(),
          scope: request.scope,
          teamId: team,
          ownerId: owner,
          period,
          clock: deps.clock,
          format,
        });
        return sendDownload(reply, download);
      },
    );
  }

  app.get(
    '/hygiene/inspection',
    {
      config: { access: 'read' },
      schema: {
        summary: "A period's deals sorted by risk, with what changed since a week before",
        tags,
        querystring: inspectionQuerySchema,
        response: { 200: inspectionSchema, ...problemResponses(400, 401, 404, 500) },
      },
    },
    async (request) => {
      const { asOf, period, team, owner } = request.query;
      return getInspection(deps.db, {
        asOf: asOf ?? deps.clock(),
        scope: request.scope,
        period,
        teamId: team,
        ownerId: owner,
      });
    },
  );

  app.get(
    '/hygiene/inspection/export',
    {
      config: { access: 'read' },
      schema: {
        summary:
          'The inspection GET /api/hygiene/inspection answers for the same query, as a CSV or XLSX file',
        tags: [...tags, 'exports'],
        querystring: withExportFormat(inspectionQuerySchema),
        response: problemResponses(400, 401, 404, 500),
      },
    },
    async (request, reply) => {
      const { asOf, period, team, owner, format } = request.query;
      const download = await exportInspection(deps.db, {
        asOf: asOf ?? deps.clock(),
        scope: request.scope,
        period,
        teamId: team,
        ownerId: owner,
        format,
      });
      return sendDownload(reply, download);
    },
  );

  app.get(
    '/hygiene/deals/:id',
    {
      config: { access: 'read' },
      schema: {
        summary:
          "One deal's inspection: flags with evidence, risk, days in each stage, pushes and amount changes",
        tags,
        params: dealHygieneParamsSchema,
        querystring: dealHygieneQuerySchema,
        response: { 200: dealHygieneSchema, ...problemResponses(400, 401, 404, 500) },
      },
    },
    async (request) =>
      getDealHygiene(deps.db, {
        id: request.params.id,
        scope: request.scope,
        asOf: request.query.asOf ?? deps.clock(),
      }),
  );

  app.get(
    '/admin/hygiene-rules',
    {
      config: { access: 'administer' },
      schema: {
        summary: 'The hygiene rules with their settings and defaults',
        tags: ['administration'],
        response: { 200: hygieneRuleListSchema, ...problemResponses(401, 403, 500) },
      },
    },
    async () => ({ rules: await listHygieneRules(deps.db) }),
  );

  app.patch(
    '/admin/hygiene-rules/:rule',
    {
      config: { access: 'administer' },
      schema: {
        summary: 'Switch a hygiene rule on or off, set its severity or thresholds',
        tags: ['administration'],
        params: hygieneRuleParamsSchema,
        body: changeHygieneRuleSchema,
        response: { 200: hygieneRuleSchema, ...problemResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) =>
      changeHygieneRule(deps.db, {
        ...changeContext(request, deps),
        ruleId: request.params.rule,
        change: request.body,
      }),
  );
}
