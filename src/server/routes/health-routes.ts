import { healthSchema, ledgerHeadSchema } from '../../api/health.js';
import { checkHealth } from '../../services/check-health.js';
import { getLedgerHead } from '../../services/get-ledger-head.js';
import { DomainError } from '../../services/errors.js';
import type { AppDeps } from '../app-deps.js';
import { appVersion } from '../app-version.js';
import { problemResponses } from './problem-responses.js';
import type { ZodApp } from './zod-app.js';

export function registerHealthRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/health',
    {
      // Public: load balancers and monitors call it without signing in.
      config: { access: 'public' },
      schema: {
        summary: 'Whether the server and its database answer, with the ledger head and the version',
        tags: ['operations'],
        response: { 200: healthSchema, ...problemResponses(503) },
      },
    },
    async (request) => {
      const health = await checkHealth(deps.db).catch((error: unknown) => {
        request.log.error({ err: error }, 'health check: the database does not answer');
        throw new DomainError('unavailable', 'the database does not answer');
      });
      return {
        status: 'ok' as const,
        version: appVersion,
        database: { reachable: true as const, engine: health.engine },
        ledger: health.ledger,
        organisation: health.organisation,
        time: deps.clock().toISOString(),
      };
    },
  );

  app.get(
    '/ledger/head',
    {
      config: { access: 'read' },
      schema: {
        summary: 'The chain length and the hash of the last ledger event',
        tags: ['ledger'],
        response: { 200: ledgerHeadSchema, ...problemResponses(500) },
      },
    },
    async () => getLedgerHead(deps.db),
  );
}
