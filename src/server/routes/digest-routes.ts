import {
  digestDeliveriesQuerySchema,
  digestDeliveriesSchema,
  digestRunSchema,
  sendDigestsBodySchema,
} from '../../api/digests.js';
import { withExportFormat } from '../../api/exports.js';
import { exportDigestDeliveries } from '../../services/digest/export-digest-deliveries.js';
import { listDigestLog } from '../../services/digest/list-digest-log.js';
import { sendConfiguredDigests } from '../../services/digest/send-configured-digests.js';
import type { AppDeps } from '../app-deps.js';
import { problemResponses } from './problem-responses.js';
import { sendDownload } from './send-download.js';
import type { ZodApp } from './zod-app.js';

const tags = ['administration'];

/** The weekly hygiene digests, sent by an admin over HTTP like `candor digest`, and their log. */
export function registerDigestRoutes(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/admin/digests/send',
    {
      config: { access: 'administer' },
      schema: {
        summary:
          'Send the weekly hygiene digests by e-mail and webhook; with dryRun, what would be sent and to whom',
        tags,
        body: sendDigestsBodySchema,
        response: { 200: digestRunSchema, ...problemResponses(400, 401, 403, 500) },
      },
    },
    async (request) =>
      sendConfiguredDigests(deps.db, {
        asOf: request.body.asOf ?? deps.clock(),
        dryRun: request.body.dryRun,
        settings: {
          smtpUrl: deps.config.smtpUrl,
          from: deps.config.digestFrom,
          webhookUrl: deps.config.digestWebhookUrl,
          webhookSecret: deps.config.digestWebhookSecret,
        },
        clock: deps.clock,
      }),
  );

  app.get(
    '/admin/digests/deliveries',
    {
      config: { access: 'administer' },
      schema: {
        summary: 'The digest delivery log: channel, recipient, status, attempts and last error, newest first',
        tags,
        querystring: digestDeliveriesQuerySchema,
        response: { 200: digestDeliveriesSchema, ...problemResponses(400, 401, 403, 500) },
      },
    },
    async (request) => ({ deliveries: await listDigestLog(deps.db, { limit: request.query.limit }) }),
  );

  app.get(
    '/admin/digests/deliveries/export',
    {
      config: { access: 'administer' },
      schema: {
        summary:
          'The deliveries GET /api/admin/digests/deliveries answers for the same limit, as a CSV or XLSX file',
        tags: [...tags, 'exports'],
        querystring: withExportFormat(digestDeliveriesQuerySchema),
        response: problemResponses(400, 401, 403, 500),
      },
    },
    async (request, reply) => {
      const { limit, format } = request.query;
      const download = await exportDigestDeliveries(deps.db, { limit, format, now: deps.clock() });
      return sendDownload(reply, download);
    },
  );
}
