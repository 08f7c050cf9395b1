import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppDeps } from './app-deps.js';
import { appVersion } from './app-version.js';
import { registerAccessControl } from './auth/register-access-control.js';
import { registerProblemHandlers } from './problem-handlers.js';
import { registerOrgContextCache } from './register-org-context-cache.js';
import { registerAuthRoutes } from './routes/auth-routes.js';
import { registerBoardpackRoutes } from './routes/boardpack-routes.js';
import { registerBridgeRoutes } from './routes/bridge-routes.js';
import { registerCallRoutes } from './routes/call-routes.js';
import { registerExportRoutes } from './routes/export-routes.js';
import { registerImportJobRoutes } from './routes/import-job-routes.js';
import { registerHealthRoutes } from './routes/health-routes.js';
import { registerHygieneRoutes } from './routes/hygiene-routes.js';
import { registerAdminRoutes } from './routes/admin-routes.js';
import { registerLedgerRoutes } from './routes/ledger-routes.js';
import { registerQuotaRoutes } from './routes/quota-routes.js';
import { registerScorecardRoutes } from './routes/scorecard-routes.js';
import { registerInsightRoutes } from './routes/insight-routes.js';
import { registerActivityRoutes } from './routes/activity-routes.js';
import { registerEngagementRoutes } from './routes/engagement-routes.js';
import { registerOpportunityEditRoutes } from './routes/opportunity-edit-routes.js';
import { registerOidcRoutes } from './routes/oidc-routes.js';
import { registerOpportunityRoutes } from './routes/opportunity-routes.js';
import { registerPipelineRoutes } from './routes/pipeline-routes.js';
import { registerForecastRoutes } from './routes/forecast-routes.js';
import { registerWebApp } from './routes/web-app.js';
import { securityHeaders } from './security-headers.js';

export type CreateAppOptions = AppDeps & {
  /** Fastify's pino logger: false (tests), true, or pino options such as `{ level, stream }`. */
  logger?: FastifyServerOptions['logger'];
  /** The most an import upload may weigh (POST /api/imports); default 200 MiB. */
  importUploadLimitBytes?: number;
};

/**
 * Builds the HTTP app, ready but not listening: tests drive it with `app.inject`, and
 * src/server/main.ts listens. Routes live under /api; each one is described by its zod schemas,
 * which validate input, serialise output and generate /api/openapi.json.
 */
export async function createApp(options: CreateAppOptions): Promise<FastifyInstance> {
  const { logger = false, importUploadLimitBytes, ...deps } = options;
  const app = Fastify({
    logger,
    // Our own ids, never taken from the caller, so a log line cannot be forged through a header.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: deps.config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onRequest', async (request, reply) => {
    reply.headers({ ...securityHeaders, 'x-request-id': request.id });
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  await app.register(fastifyCookie);
  registerAccessControl(app, deps);
  registerOrgContextCache(app);
  registerProblemHandlers(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Candor API',
        description:
          'Sales performance and revenue forecasting on a tamper-evident ledger. Amounts are decimal ' +
          'strings; errors are RFC 9457 problem details (application/problem+json).',
        version: appVersion,
      },
    },
    transform: jsonSchemaTransform,
  });

  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<ZodTypeProvider>();
      registerHealthRoutes(typed, deps);
      registerAuthRoutes(typed, deps);
      registerOidcRoutes(typed, deps);
      registerPipelineRoutes(typed, deps);
      registerForecastRoutes(typed, deps);
      registerBridgeRoutes(typed, deps);
      registerBoardpackRoutes(typed, deps);
      registerOpportunityRoutes(typed, deps);
      registerExportRoutes(typed, deps);
      registerImportJobRoutes(typed, deps, { uploadLimitBytes: importUploadLimitBytes });
      registerOpportunityEditRoutes(typed, deps);
      registerAdminRoutes(typed, deps);
      registerLedgerRoutes(typed, deps);
      registerHygieneRoutes(typed, deps);
      registerQuotaRoutes(typed, deps);
      registerScorecardRoutes(typed, deps);
      registerActivityRoutes(typed, deps);
      registerInsightRoutes(typed, deps);
      registerEngagementRoutes(typed, deps);
      registerCallRoutes(typed, deps);
      typed.get(
        '/openapi.json',
        {
          config: { access: 'public' },
          schema: { summary: 'This API description (OpenAPI 3.1)', tags: ['operations'] },
        },
        async () => app.swagger(),
      );
    },
    { prefix: '/api' },
  );
  await registerWebApp(app);
  await app.ready();
  return app;
}
