import { z } from 'zod';
import {
  digestSendQuerySchema,
  digestSendResultSchema,
  digestSubscriptionCreatedSchema,
  digestSubscriptionInputSchema,
  digestSubscriptionListSchema,
  digestExportParamsSchema,
  digestExportQuerySchema,
  insightCaptureSchema,
  insightListQuerySchema,
  insightListSchema,
  insightSchema,
  insightSummaryQuerySchema,
  insightSummarySchema,
  insightTypeValues,
  missingLossReasonsSchema,
} from '../../api/insights.js';
import { withExportFormat } from '../../api/exports.js';
import { exportInsights } from '../../services/insights/export-insights.js';
import { exportMissingLossReasons } from '../../services/insights/export-missing-loss-reasons.js';
import { buildDigest } from '../../services/insights/build-digest.js';
import { getDigestSubscriptions } from '../../services/insights/list-digest-subscriptions.js';
import { openInsightDigestChannels } from '../../services/insights/open-insight-digest-channels.js';
import { createDigestSubscription } from '../../services/insights/save-digest-subscription.js';
import { sendInsightDigests } from '../../services/insights/send-insight-digests.js';
import { captureInsight } from '../../services/insights/capture-insight.js';
import { getInsightSummary } from '../../services/insights/get-insight-summary.js';
import {
  listVisibleInsights,
  listMissingLossReasons,
} from '../../services/insights/list-visible-insights.js';
import { renderDigestCsv, renderDigestMarkdown } from '../../services/insights/render-digest-file.js';
import type { AppDeps } from '../app-deps.js';
import { requirePrincipal } from '../auth/require-principal.js';
import { changeContext } from './change-context.js';
import { sendDownload } from './send-download.js';
import { problemResponses } from './problem-responses.js';
import type { ZodApp } from './zod-app.js';

type InsightTypeValue = (typeof insightTypeValues)[number];

export function registerInsightRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/insights',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Insights on an account or a deal (or the latest ones), within your scope',
        tags: ['insights'],
        querystring: insightListQuerySchema,
        response: { 200: insightListSchema, ...problemResponses(400, 500) },
      },
    },
    async (request) => ({
      insights: await listVisibleInsights(deps.db, { ...request.query, scope: request.scope }),
    }),
  );

  app.get(
    '/insights/export',
    {
      config: { access: 'read' },
      schema: {
        summary: 'The insights GET /api/insights answers for the same query, as a CSV or XLSX file',
        tags: ['insights', 'exports'],
        querystring: withExportFormat(insightListQuerySchema),
        response: problemResponses(400, 500),
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      return sendDownload(reply, await exportInsights(deps.db, { ...query, scope: request.scope, format }));
    },
  );

  app.post(
    '/insights',
    {
      config: { access: 'forecast' },
      schema: {
        summary: 'Capture what a customer said about an account or a deal: one ledger event',
        description:
          'You write on the accounts and deals you work on (your forecast scope); one you can see but ' +
          'not work on is 403, one you cannot see 404.',
        tags: ['insights'],
        body: insightCaptureSchema,
        response: { 201: insightSchema, ...problemResponses(400, 403, 404, 500) },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const body = request.body;
      const insight = await captureInsight(deps.db, {
        ...changeContext(request, deps),
        input: { ...body, capturedAt: body.capturedAt ? new Date(body.capturedAt) : null },
        readScope: principal.access.read,
        writeScope: principal.access.forecast,
      });
      const [view] = await listVisibleInsights(deps.db, {
        insightId: insight.id,
        scope: principal.access.read,
        limit: 1,
      });
      return reply
        .code(201)
        .send(view ?? { ...insight, accountName: null, opportunityName: null, authorName: null });
    },
  );

  app.get(
    '/insights/summary',
    {
      config: { access: 'read' },
      schema: {
        summary:
          'Voice of the customer with revenue at stake: competitors, loss reasons, requests, problems, trend',
        tags: ['insights'],
        querystring: insightSummaryQuerySchema,
        response: { 200: insightSummarySchema, ...problemResponses(400, 404, 500) },
      },
    },
    async (request) => getInsightSummary(deps.db, { ...request.query, scope: request.scope }),
  );

  app.get(
    '/insights/missing-loss-reasons',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Lost deals without a loss reason (imports flag them instead of refusing them)',
        tags: ['insights'],
        response: { 200: missingLossReasonsSchema, ...problemResponses(500) },
      },
    },
    async (request) => ({
      deals: await listMissingLossReasons(deps.db, { scope: request.scope, limit: 500 }),
    }),
  );

  app.get(
    '/insights/missing-loss-reasons/export',
    {
      config: { access: 'read' },
      schema: {
        summary:
          'The lost deals without a loss reason GET /api/insights/missing-loss-reasons answers, as a CSV or XLSX file',
        tags: ['insights', 'exports'],
        querystring: withExportFormat(z.object({})),
        response: problemResponses(400, 500),
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await exportMissingLossReasons(deps.db, {
          scope: request.scope,
          limit: 500,
          format: request.query.format,
        }),
      ),
  );

  app.get(
    '/insights/digest.:format',
    {
      config: { access: 'read' },
      schema: {
        summary: 'The customer-voice digest of a period as CSV (insights) or Markdown (figures and insights)',
        tags: ['insights', 'exports'],
        params: digestExportParamsSchema,
        querystring: digestExportQuerySchema,
        response: problemResponses(400, 404, 500),
      },
    },
    async (request, reply) => {
      const { types, ...query } = request.query;
      const wanted = (types ?? '')
        .split(',')
        .map((t) => t.trim())
        .filter((t): t is InsightTypeValue => (insightTypeValues as readonly string[]).includes(t));
      const digest = await buildDigest(deps.db, {
        ...query,
        title: `Customer voice ${query.period}`,
        scope: request.scope,
        types: wanted,
      });
      const csv = request.params.format === 'csv';
      return sendDownload(reply, {
        fileName: `customer-voice-${query.period}.${request.params.format}`,
        contentType: csv ? 'text/csv; charset=utf-8' : 'text/markdown; charset=utf-8',
        body: csv ? renderDigestCsv(digest) : renderDigestMarkdown(digest),
      });
    },
  );

  app.get(
    '/insights/subscriptions',
    {
      config: { access: 'administer' },
      schema: {
        summary: 'The teams subscribed to the customer-voice digest',
        tags: ['insights', 'administration'],
        response: { 200: digestSubscriptionListSchema, ...problemResponses(500) },
      },
    },
    async () => ({ subscriptions: await getDigestSubscriptions(deps.db) }),
  );

  app.post(
    '/insights/subscriptions',
    {
      config: { access: 'administer' },
      schema: {
        summary: 'Subscribe a team to the digest: chosen types and segments, by e-mail and/or signed webhook',
        description: 'The webhook signing secret is answered once, here; it is kept outside the ledger.',
        tags: ['insights', 'administration'],
        body: digestSubscriptionInputSchema,
        response: { 201: digestSubscriptionCreatedSchema, ...problemResponses(400, 500) },
      },
    },
    async (request, reply) => {
      const created = await createDigestSubscription(deps.db, {
        ...changeContext(request, deps),
        input: request.body,
      });
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/insights/digests/send',
    {
      config: { access: 'administer' },
      schema: {
        summary: "Send a period's customer-voice digest to every active subscription now",
        tags: ['insights', 'administration'],
        querystring: digestSendQuerySchema,
        response: { 200: digestSendResultSchema, ...problemResponses(400, 500) },
      },
    },
    async (request) => {
      const channels = openInsightDigestChannels({
        smtpUrl: deps.config.smtpUrl,
        from: deps.config.digestFrom,
        clock: deps.clock,
      });
      return { deliveries: await sendInsightDigests(deps.db, { period: request.query.period, channels }) };
    },
  );
}
