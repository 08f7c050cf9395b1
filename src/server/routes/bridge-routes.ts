import { bridgeQuerySchema, bridgeResponseSchema } from '../../api/bridge.js';
import { findLatestBridgeCall } from '../../services/bridge/find-latest-bridge-call.js';
import { getBridge } from '../../services/bridge/get-bridge.js';
import { resolveBridgeWindow } from '../../services/bridge/resolve-bridge-window.js';
import type { AppDeps } from '../app-deps.js';
import { problemResponses } from './problem-responses.js';
import type { ZodApp } from './zod-app.js';

export function registerBridgeRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/bridge',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Why the number moved: the bridge of a period between two moments, within your scope',
        tags: ['bridge'],
        querystring: bridgeQuerySchema,
        response: { 200: bridgeResponseSchema, ...problemResponses(400, 404, 500) },
      },
    },
    async (request) => {
      const { period, from, to, team, group, call } = request.query;
      const window = await resolveBridgeWindow(deps.db, {
        period,
        from: from ?? null,
        to: to ?? null,
        now: deps.clock(),
      });
      const given =
        call === undefined ? null : { amount: call, source: 'given' as const, by: null, submittedAt: null };
      const ledgerCall =
        given ??
        (await findLatestBridgeCall(deps.db, {
          period,
          at: window.from,
          principal: request.principal,
          teamId: team ?? null,
        }));
      return getBridge(deps.db, {
        period,
        ...window,
        scope: request.scope,
        teamId: team ?? null,
        group: group ?? null,
        call: ledgerCall,
      });
    },
  );
}
