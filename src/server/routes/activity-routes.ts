import { activityListQuerySchema, activityListSchema } from '../../api/activities.js';
import { listActivities } from '../../services/list-activities.js';
import type { AppDeps } from '../app-deps.js';
import { problemResponses } from './problem-responses.js';
import type { ZodApp } from './zod-app.js';

export function registerActivityRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/activities',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Activities by id (those behind a scorecard figure), only those you may see',
        tags: ['scorecards'],
        querystring: activityListQuerySchema,
        response: { 200: activityListSchema, ...problemResponses(400, 500) },
      },
    },
    async (request) => listActivities(deps.db, { ids: request.query.ids, scope: request.scope }),
  );
}
