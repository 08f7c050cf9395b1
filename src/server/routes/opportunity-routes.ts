import { opportunityDetailSchema, opportunityParamsSchema } from '../../api/opportunity-detail.js';
import { opportunityListQuerySchema, opportunityListSchema } from '../../api/opportunity-list.js';
import { opportunityTimelineSchema } from '../../api/opportunity-timeline.js';
import { getOpportunity } from '../../services/get-opportunity.js';
import { getOpportunityTimeline } from '../../services/get-opportunity-timeline.js';
import { listOpportunities } from '../../services/list-opportunities.js';
import type { AppDeps } from '../app-deps.js';
import { listFilterOptions } from './list-filters.js';
import { problemResponses } from './problem-responses.js';
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
      });
    },
  );

  app.get(
    '/opportunities/:id',
    {
      config: { access: 'read' },
      schema: {
        summary: 'One deal as it stands now, with its account, owner and backdating marks',
        tags: ['opportunities'],
        params: opportunityParamsSchema,
        response: { 200: opportunityDetailSchema, ...problemResponses(400, 404, 500) },
      },
    },
    async (request) => getOpportunity(deps.db, { id: request.params.id, scope: request.scope }),
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
}
