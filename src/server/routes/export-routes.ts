import type { FastifyReply } from 'fastify';
import { opportunityExportQuerySchema } from '../../api/exports.js';
import { exportOpportunities } from '../../services/export/export-opportunities.js';
import type { AppDeps } from '../app-deps.js';
import { listFilterOptions } from './list-filters.js';
import { problemResponses } from './problem-responses.js';
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
      // The body is a stream, not a JSON value the response schemas describe.
      const fileReply: FastifyReply = reply;
      return fileReply
        .type(download.contentType)
        .header('content-disposition', attachmentDisposition(download.fileName))
        .send(download.body);
    },
  );
}

/**
 * `Content-Disposition: attachment` with the file's name (RFC 6266): an ASCII fallback for old
 * clients, quotes and backslashes replaced, and the exact name percent-encoded in `filename*`.
 */
export function attachmentDisposition(fileName: string): string {
  const percentEncoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${percentEncoded}`;
}
