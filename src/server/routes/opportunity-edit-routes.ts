import { opportunityDetailSchema, opportunityParamsSchema } from '../../api/opportunity-detail.js';
import { opportunityEditSchema } from '../../api/opportunity-edit.js';
import { editOpportunity } from '../../services/edit-opportunity.js';
import type { AppDeps } from '../app-deps.js';
import { requirePrincipal } from '../auth/require-principal.js';
import { changeContext } from './change-context.js';
import { problemResponses } from './problem-responses.js';
import type { ZodApp } from './zod-app.js';

export function registerOpportunityEditRoutes(app: ZodApp, deps: AppDeps): void {
  app.patch(
    '/opportunities/:id',
    {
      config: { access: 'edit-deals' },
      schema: {
        summary: 'Change a deal (stage, amount, close date, category, next step, fields): one ledger event',
        description:
          'Only the fields given change. Entering a stage needs the fields it requires (422 ' +
          'stage-requirements-missing, one error per field); an amount with more decimals than the ' +
          'currency is refused, never rounded; with expectedLastSeq, a deal changed since is 409.',
        tags: ['opportunities'],
        params: opportunityParamsSchema,
        body: opportunityEditSchema,
        response: { 200: opportunityDetailSchema, ...problemResponses(400, 401, 403, 404, 409, 422, 500) },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return editOpportunity(deps.db, {
        ...changeContext(request, deps),
        id: request.params.id,
        edit: request.body,
        readScope: principal.access.read,
        editScope: principal.access.editDeals,
      });
    },
  );
}
