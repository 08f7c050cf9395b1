import { z } from 'zod';
import { withExportFormat } from '../../api/exports.js';
import {
  quotaQuerySchema,
  quotaReportSchema,
  quotaSubjectSchema,
  setQuotaSchema,
  setTargetSchema,
  targetReportSchema,
} from '../../api/quotas.js';
import { exportQuotas } from '../../services/quotas/export-quotas.js';
import { exportTargets } from '../../services/quotas/export-targets.js';
import { getQuotas } from '../../services/quotas/get-quotas.js';
import { getTargets } from '../../services/quotas/get-targets.js';
import { clearQuota, setQuota } from '../../services/quotas/set-quota.js';
import { setTarget } from '../../services/quotas/set-target.js';
import type { AppDeps } from '../app-deps.js';
import { changeContext } from './change-context.js';
import { problemResponses } from './problem-responses.js';
import { sendDownload } from './send-download.js';
import type { ZodApp } from './zod-app.js';

const tags = ['quotas'];
const administer = { access: 'administer' } as const;

export function registerQuotaRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/quotas',
    {
      config: { access: 'read' },
      schema: {
        summary: "Quotas of a period by person and team, a team's own beside the sum of its people's",
        tags,
        querystring: quotaQuerySchema,
        response: { 200: quotaReportSchema, ...problemResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => getQuotas(deps.db, { period: request.query.period, scope: request.scope }),
  );

  app.get(
    '/quotas/export',
    {
      config: { access: 'read' },
      schema: {
        summary: 'The quotas GET /api/quotas answers for the same period, as a CSV or XLSX file',
        tags: [...tags, 'exports'],
        querystring: withExportFormat(quotaQuerySchema),
        response: problemResponses(400, 401, 403, 404, 500),
      },
    },
    async (request, reply) => {
      const { period, format } = request.query;
      return sendDownload(reply, await exportQuotas(deps.db, { period, format, scope: request.scope }));
    },
  );

  app.put(
    '/quotas',
    {
      config: administer,
      schema: {
        summary: "Set a person's or a team's quota for a fiscal quarter or month",
        tags,
        body: setQuotaSchema,
        response: { 200: quotaReportSchema, ...problemResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => {
      await setQuota(deps.db, { ...changeContext(request, deps), ...request.body });
      return getQuotas(deps.db, { period: request.body.period, scope: request.scope });
    },
  );

  app.delete(
    '/quotas',
    {
      config: administer,
      schema: {
        summary: 'Remove a quota (a team then counts the sum of its people’s)',
        tags,
        body: quotaSubjectSchema,
        response: { 200: quotaReportSchema, ...problemResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => {
      await clearQuota(deps.db, { ...changeContext(request, deps), ...request.body });
      return getQuotas(deps.db, { period: request.body.period, scope: request.scope });
    },
  );

  app.get(
    '/targets',
    {
      config: { access: 'signed-in' },
      schema: {
        summary: 'The target of every leading indicator for every role: as set by an admin, else the default',
        tags,
        response: { 200: targetReportSchema, ...problemResponses(401, 500) },
      },
    },
    async () => getTargets(deps.db),
  );

  app.get(
    '/targets/export',
    {
      config: { access: 'signed-in' },
      schema: {
        summary: 'The targets GET /api/targets answers, as a CSV or XLSX file',
        tags: [...tags, 'exports'],
        querystring: withExportFormat(z.object({})),
        response: problemResponses(400, 401, 500),
      },
    },
    async (request, reply) =>
      sendDownload(reply, await exportTargets(deps.db, { format: request.query.format, now: deps.clock() })),
  );

  app.put(
    '/targets',
    {
      config: administer,
      schema: {
        summary: 'Set (or, with value null, clear) the target of an indicator for a role',
        tags,
        body: setTargetSchema,
        response: { 200: targetReportSchema, ...problemResponses(400, 401, 403, 500) },
      },
    },
    async (request) => {
      await setTarget(deps.db, { ...changeContext(request, deps), ...request.body });
      return getTargets(deps.db);
    },
  );
}
