import { backtestQuerySchema, backtestReportSchema } from '../../api/backtest.js';
import { withExportFormat } from '../../api/exports.js';
import { forecastQuerySchema, forecastReportSchema } from '../../api/forecast.js';
import { exportBacktest } from '../../services/forecast/export-backtest.js';
import { exportForecast } from '../../services/forecast/export-forecast.js';
import { createBacktestCache, getBacktest } from '../../services/forecast/get-backtest.js';
import { getForecast } from '../../services/forecast/get-forecast.js';
import { recordForecast } from '../../services/forecast/record-forecast.js';
import type { AppDeps } from '../app-deps.js';
import { problemResponses } from './problem-responses.js';
import { sendDownload } from './send-download.js';
import type { ZodApp } from './zod-app.js';

export function registerForecastRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/forecast',
    {
      config: { access: 'read' },
      schema: {
        summary:
          "Candor's forecast of a period within your scope: expected bookings, P10/P50/P90, its parts and the deals behind it. A forecast as of now is stored, to be scored when the period closes",
        tags: ['forecast'],
        querystring: forecastQuerySchema,
        response: { 200: forecastReportSchema, ...problemResponses(400, 403, 404, 500) },
      },
    },
    async (request) => {
      const { period, asOf, team, owner, deals } = request.query;
      const options = {
        period,
        scope: request.scope,
        teamId: team,
        ownerId: owner,
        clock: deps.clock,
        includeDeals: deals === 'true',
      };
      // What is shown is stored; a look back to a past moment is a reconstruction and is not.
      if (asOf === undefined && request.principal) {
        return recordForecast(deps.db, { ...options, actor: request.principal.userId, source: 'api' });
      }
      return getForecast(deps.db, { ...options, asOf: asOf ?? null });
    },
  );

  app.get(
    '/forecast/export',
    {
      config: { access: 'read' },
      schema: {
        summary:
          'The forecast GET /api/forecast answers for the same query (its parts, and its deals with deals=true), as a CSV or XLSX file; nothing is stored',
        tags: ['forecast', 'exports'],
        querystring: withExportFormat(forecastQuerySchema),
        response: problemResponses(400, 401, 403, 404, 500),
      },
    },
    async (request, reply) => {
      const { period, asOf, team, owner, deals, format } = request.query;
      const download = await exportForecast(deps.db, {
        period,
        asOf: asOf ?? null,
        scope: request.scope,
        teamId: team,
        ownerId: owner,
        clock: deps.clock,
        includeDeals: deals === 'true',
        format,
      });
      return sendDownload(reply, download);
    },
  );

  // Kept per app: a backtest takes seconds, and its result holds until the ledger grows.
  const backtests = createBacktestCache();
  app.get(
    '/backtest',
    {
      config: { access: 'read' },
      schema: {
        summary:
          "Candor's forecast and the baselines replayed week by week over completed quarters and scored against what closed, for the whole organisation",
        description:
          'Executives, viewers and admins only (403 for anyone who reads less than everything). The first ' +
          'request for a ledger head and range replays the ledger and takes seconds (about 10 s on the ' +
          'demo organisation); the result is kept until the ledger grows (`cached`).',
        tags: ['forecast'],
        querystring: backtestQuerySchema,
        response: { 200: backtestReportSchema, ...problemResponses(400, 401, 403, 500) },
      },
    },
    async (request) =>
      getBacktest(deps.db, {
        from: request.query.from,
        to: request.query.to,
        scope: request.scope,
        clock: deps.clock,
        cache: backtests,
      }),
  );

  app.get(
    '/backtest/export',
    {
      config: { access: 'read' },
      schema: {
        summary:
          'The rows of the backtest GET /api/backtest answers for the same range (each method, quarter and week), as a CSV or XLSX file',
        description:
          'Executives, viewers and admins only, like GET /api/backtest, whose kept results it shares.',
        tags: ['forecast', 'exports'],
        querystring: withExportFormat(backtestQuerySchema),
        response: problemResponses(400, 401, 403, 500),
      },
    },
    async (request, reply) => {
      const download = await exportBacktest(deps.db, {
        from: request.query.from,
        to: request.query.to,
        scope: request.scope,
        clock: deps.clock,
        cache: backtests,
        format: request.query.format,
      });
      return sendDownload(reply, download);
    },
  );
}
