import { z } from 'zod';
import {
  opportunityDetailQuerySchema,
  opportunityDetailSchema,
  opportunityParamsSchema,
} from '../../api/opportunity-detail.js';
import {
  dealFilterOptionsQuerySchema,
  dealFilterOptionsSchema,
  opportunityListQuerySchema,
  opportunityListSchema,
} from '../../api/opportunity-list.js';
import { withExportFormat } from '../../api/exports.js';
import { opportunityTimelineSchema } from '../../api/opportunity-timeline.js';
import { exportOpportunityTimeline } from '../../services/export-opportunity-timeline.js';
import { getOpportunity } from '../../services/get-opportunity.js';
import { getOpportunityTimeline } from '../../services/get-opportunity-timeline.js';
import { listDealFilterOptions } from '../../services/list-deal-filter-options.js';
import { listOpportunities } from '../../services/list-opportunities.js';
import type { AppDeps } from '../app-deps.js';
import { listFilterOptions } from './list-filters.js';
import { problemResponses } from './problem-responses.js';
import { sendDownload } from './send-download.js';
import type { ZodApp } from './zod-app.js';

export function registerOpportunityRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/opportunities',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Deals matching filters, one page at a time, now or as they stood at an instant',
        tags: ['opportunities'],
        querystring: opportunityListQuerySchema,
        response: { 200: opportunityListSchema, ...problemResponses(400, 404, 500) },
      },
    },
    async (request) => {
      const query = request.query;
      return listOpportunities(deps.db, {
        ...listFilterOptions(query, request.scope),
        limit: query.limit,
        offset: query.offset,
        readOrgContext: request.server.orgContext.read,
      });
    },
  );

  app.get(
    '/opportunities/filter-options',
    {
      config: { access: 'read' },
      schema: {
        summary: 'The owners (only people whose deals the caller can see) and stages to filter deals by',
        tags: ['opportunities'],
        querystring: dealFilterOptionsQuerySchema,
        response: { 200: dealFilterOptionsSchema, ...problemResponses(400, 500) },
      },
    },
    async (request) =>
      listDealFilterOptions(deps.db, { scope: request.scope, asOf: request.query.asOf ?? null }),
  );

  app.get(
    '/opportunities/:id',
    {
      config: { access: 'read' },
      schema: {
        summary:
          'One deal as it stands now, or as it stood at an instant, with its account, owner and backdating marks',
        tags: ['opportunities'],
        params: opportunityParamsSchema,
        querystring: opportunityDetailQuerySchema,
        response: { 200: opportunityDetailSchema, ...problemResponses(400, 404, 500) },
      },
    },
    async (request) =>
      getOpportunity(deps.db, {
        id: request.params.id,
        scope: request.scope,
        asOf: request.query.asOf ?? null,
        readOrgContext: request.server.orgContext.read,
      }),
  );

  app.get(
    '/opportunities/:id/timeline',
    {
      config: { access: 'read' },
      schema: {
        summary:
          'Every ledger event of one deal: what changed from what, when, by whom, and whether it was backdated',
        tags: ['opportunities'],
        params: opportunityParamsSchema,
        response: { 200: opportunityTimelineSchema, ...problemResponses(400, 404, 500) },
      },
    },
    async (request) => getOpportunityTimeline(deps.db, { id: request.params.id, scope: request.scope }),
  );

  app.get(
    '/opportunities/:id/timeline/export',
    {
      config: { access: 'read' },
      schema: {
        summary: "The deal's timeline GET /api/opportunities/:id/timeline answers, as a CSV or XLSX file",
        tags: ['opportunities', 'exports'],
        params: opportunityParamsSchema,
        querystring: withExportFormat(z.object({})),
        response: problemResponses(400, 404, 500),
      },
    },
    async (request, reply) => {
      const download = await exportOpportunityTimeline(deps.db, {
        id: request.params.id,
        scope: request.scope,
        format: request.query.format,
      });
      return sendDownload(reply, download);
    },
  );
}
