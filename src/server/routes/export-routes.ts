import { opportunityExportQuerySchema } from '../../api/exports.js';
import { exportOpportunities } from '../../services/export/export-opportunities.js';
import type { AppDeps } from '../app-deps.js';
import { listFilterOptions } from './list-filters.js';
import { problemResponses } from './problem-responses.js';
import { sendDownload } from './send-download.js';
import type { ZodApp } from './zod-app.js';

export function registerExportRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/opportunities/export',
    {
      config: { access: 'read' },
      schema: {
        summary:
          'Every deal matching the list filters, within your scope, as a CSV or XLSX file (text cells neutralised against formula injection)',
        tags: ['opportunities', 'exports'],
        querystring: opportunityExportQuerySchema,
        response: problemResponses(400, 404, 500),
      },
    },
    async (request, reply) => {
      const query = request.query;
      const download = await exportOpportunities(deps.db, {
        ...listFilterOptions(query, request.scope),
        format: query.format,
        now: deps.clock(),
      });
      return sendDownload(reply, download);
    },
  );
}
