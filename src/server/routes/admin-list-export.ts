import { z } from 'zod';
import { withExportFormat } from '../../api/exports.js';
import type { TableDownload } from '../../services/export/table-download.js';
import type { TableFormat } from '../../services/export/write-table.js';
import type { AppDeps } from '../app-deps.js';
import { problemResponses } from './problem-responses.js';
import { sendDownload } from './send-download.js';
import type { ZodApp } from './zod-app.js';

/** An administration list's file: the whole list, named with the moment it was read. */
type AdminListExporter = (
  handle: AppDeps['db'],
  options: { format: TableFormat; now: Date },
) => Promise<TableDownload>;

/**
 * `GET /api/admin/<list>/export` for a list that takes no query (users, teams, stages, currencies,
 * hygiene rules): admins only, like the list.
 */
export function registerAdminListExport(
  app: ZodApp,
  deps: AppDeps,
  options: { path: string; summary: string; exportList: AdminListExporter },
): void {
  app.get(
    options.path,
    {
      config: { access: 'administer' },
      schema: {
        summary: options.summary,
        tags: ['administration', 'exports'],
        querystring: withExportFormat(z.object({})),
        response: problemResponses(400, 401, 403, 500),
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await options.exportList(deps.db, { format: request.query.format, now: deps.clock() }),
      ),
  );
}
