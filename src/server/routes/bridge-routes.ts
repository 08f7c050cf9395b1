import { bridgeQuerySchema, bridgeResponseSchema } from '../../api/bridge.js';
import { withExportFormat } from '../../api/exports.js';
import { exportBridge } from '../../services/bridge/export-bridge.js';
import { findLatestBridgeCall } from '../../services/bridge/find-latest-bridge-call.js';
import { getBridge } from '../../services/bridge/get-bridge.js';
import { resolveBridgeWindow } from '../../services/bridge/resolve-bridge-window.js';
import type { AppDeps } from '../app-deps.js';
import { problemResponses } from './problem-responses.js';
import { sendDownload } from './send-download.js';
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

  app.get(
    '/bridge/export',
    {
      config: { access: 'read' },
      schema: {
        summary:
          'The deals behind the steps of the bridge GET /api/bridge answers for the same query, one row per deal movement, as a CSV or XLSX file',
        tags: ['bridge', 'exports'],
        querystring: withExportFormat(bridgeQuerySchema),
        response: problemResponses(400, 401, 404, 500),
      },
    },
    async (request, reply) => {
      const { period, from, to, team, format } = request.query;
      const download = await exportBridge(deps.db, {
        period,
        from: from ?? null,
        to: to ?? null,
        now: deps.clock(),
        scope: request.scope,
        teamId: team ?? null,
        format,
      });
      return sendDownload(reply, download);
    },
  );
}
