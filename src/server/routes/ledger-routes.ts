import { verifyReportSchema } from '../../api/ledger.js';
import { runVerification } from '../../services/run-verification.js';
import type { AppDeps } from '../app-deps.js';
import { problemResponses } from './problem-responses.js';
import type { ZodApp } from './zod-app.js';

export function registerLedgerRoutes(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/ledger/verify',
    {
      // POST, not GET: it replays the whole ledger, so it is an action an admin takes, not a read.
      config: { access: 'administer' },
      schema: {
        summary: 'Recompute the hash chain and compare every derived table with a replay (candor verify)',
        tags: ['ledger'],
        response: { 200: verifyReportSchema, ...problemResponses(401, 403, 500) },
      },
    },
    async () => runVerification(deps.db, { now: deps.clock() }),
  );
}
