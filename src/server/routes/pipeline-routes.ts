import { withExportFormat } from '../../api/exports.js';
import { pipelineQuerySchema, pipelineReportSchema } from '../../api/pipeline.js';
import { exportPipeline } from '../../services/export-pipeline.js';
import { getPipeline } from '../../services/get-pipeline.js';
import type { AppDeps } from '../app-deps.js';
import { problemResponses } from './problem-responses.js';
import { sendDownload } from './send-download.js';
import type { ZodApp } from './zod-app.js';

export function registerPipelineRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/pipeline',
    {
      config: { access: 'read' },
      schema: {
        summary: 'The pipeline of deals closing in a period, by forecast category, now or as of an instant',
        tags: ['pipeline'],
        querystring: pipelineQuerySchema,
        response: { 200: pipelineReportSchema, ...problemResponses(400, 404, 500) },
      },
    },
    async (request) => {
      const { period, asOf } = request.query;
      const { deals: _deals, ...report } = await getPipeline(deps.db, {
        period,
        asOf: asOf ?? null,
        scope: request.scope,
        readOrgContext: request.server.orgContext.read,
      });
      return report;
    },
  );

  app.get(
    '/pipeline/export',
    {
      config: { access: 'read' },
      schema: {
        summary:
          'The totals by forecast category GET /api/pipeline answers for the same query, as a CSV or XLSX file',
        tags: ['pipeline', 'exports'],
        querystring: withExportFormat(pipelineQuerySchema),
        response: problemResponses(400, 401, 404, 500),
      },
    },
    async (request, reply) => {
      const { period, asOf, format } = request.query;
      const download = await exportPipeline(deps.db, {
        period,
        asOf: asOf ?? null,
        now: deps.clock(),
        scope: request.scope,
        readOrgContext: request.server.orgContext.read,
        format,
      });
      return sendDownload(reply, download);
    },
  );
}
