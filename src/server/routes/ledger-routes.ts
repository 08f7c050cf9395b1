import { z } from 'zod';
import { withExportFormat } from '../../api/exports.js';
import {
  verificationJobListSchema,
  verificationJobParamsSchema,
  verificationJobSchema,
} from '../../api/ledger.js';
import {
  getVerificationJob,
  listRecentVerifications,
} from '../../services/verification-jobs/get-verification-jobs.js';
import { exportVerificationJobs } from '../../services/verification-jobs/export-verification-jobs.js';
import { VerificationJobRunner } from '../../services/verification-jobs/verification-job-runner.js';
import type { AppDeps } from '../app-deps.js';
import { requirePrincipal } from '../auth/require-principal.js';
import { problemResponses } from './problem-responses.js';
import { sendDownload } from './send-download.js';
import type { ZodApp } from './zod-app.js';

/**
 * Verification from the API, for admins: it reads the whole ledger (13 s for 25,000 events on a
 * loaded machine), so POST starts it in the background and answers 202 with the job at once; GET
 * the job for its progress, then its report. `candor verify` stays synchronous.
 */
export function registerLedgerRoutes(app: ZodApp, deps: AppDeps): void {
  const runner = new VerificationJobRunner({
    db: deps.db,
    clock: deps.clock,
    onUnexpectedError: (error, context) =>
      app.log.error({ err: error, ...context }, 'verification job failed'),
  });
  const readContext = () => ({ now: deps.clock(), isRunningHere: (id: string) => runner.isRunning(id) });
  /** How many verifications the list (and its export) holds. */
  const recent = 20;
  // Closing the app waits for a verification in flight, so it never reads a closed database.
  app.addHook('onClose', () => runner.idle());

  app.post(
    '/ledger/verify',
    {
      // POST, not GET: it replays the whole ledger, so it is an action an admin takes, not a read.
      config: { access: 'administer' },
      schema: {
        summary:
          'Start recomputing the hash chain and comparing every derived table with a replay (candor verify); ' +
          'answers 202 with the job, or with the one already running',
        tags: ['ledger'],
        response: { 202: verificationJobSchema, ...problemResponses(401, 403, 500) },
      },
    },
    async (request, reply) => {
      const { job } = await runner.start({ actor: requirePrincipal(request).userId });
      return reply.code(202).header('location', `/api/ledger/verifications/${job.id}`).send(job);
    },
  );

  app.get(
    '/ledger/verifications',
    {
      config: { access: 'administer' },
      schema: {
        summary: 'The 20 most recent verifications, newest first, with their progress or report',
        tags: ['ledger'],
        response: { 200: verificationJobListSchema, ...problemResponses(401, 403, 500) },
      },
    },
    async () => ({ items: await listRecentVerifications(deps.db, { ...readContext(), limit: recent }) }),
  );

  app.get(
    '/ledger/verifications/export',
    {
      config: { access: 'administer' },
      schema: {
        summary:
          'The verifications GET /api/ledger/verifications answers (when, by whom, result, chain length and head) as a CSV or XLSX file',
        tags: ['ledger', 'exports'],
        querystring: withExportFormat(z.object({})),
        response: problemResponses(400, 401, 403, 500),
      },
    },
    async (request, reply) => {
      const download = await exportVerificationJobs(deps.db, {
        ...readContext(),
        limit: recent,
        format: request.query.format,
      });
      return sendDownload(reply, download);
    },
  );

  app.get(
    '/ledger/verifications/:id',
    {
      config: { access: 'administer' },
      schema: {
        summary: 'One verification: its progress while it runs, then its report (ok, length, head, problems)',
        tags: ['ledger'],
        params: verificationJobParamsSchema,
        response: { 200: verificationJobSchema, ...problemResponses(401, 403, 404, 500) },
      },
    },
    async (request) => getVerificationJob(deps.db, { ...readContext(), id: request.params.id }),
  );
}
