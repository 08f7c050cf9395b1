import { z } from 'zod';
import { decimalAmountSchema, instantQuerySchema, instantTextSchema } from './common-schemas.js';
import { ruleIdSchema, severitySchema } from './hygiene.js';

/**
 * Sending the weekly hygiene digests over HTTP (POST /api/admin/digests/send), the same run as
 * `candor digest`: a dry run answers what would be sent to whom by which channel and sends nothing.
 * The delivery log (GET /api/admin/digests/deliveries) lists every e-mail and webhook delivery.
 */
export const sendDigestsBodySchema = z
  .object({
    asOf: instantQuerySchema.optional().describe('the moment the digests describe; now when absent'),
    dryRun: z.boolean().default(false).describe('compose the digests and send nothing'),
  })
  .strict();

const channelSchema = z.enum(['email', 'webhook']);
const audienceSchema = z.enum(['owner', 'manager']);

export const digestSchema = z.object({
  audience: audienceSchema,
  recipientId: z.string(),
  recipientName: z.string(),
  email: z.string().nullable(),
  teamId: z.string().nullable().describe("the manager's team; null for an owner"),
  teamName: z.string().nullable(),
  asOf: z.string(),
  currency: z.string(),
  subject: z.string(),
  flags: z.array(
    z.object({
      deal: z.string(),
      dealName: z.string(),
      ownerName: z.string().nullable(),
      rule: ruleIdSchema,
      severity: severitySchema,
      evidence: z.string(),
      since: z.string(),
    }),
  ),
  score: z.number().nullable().describe("0–100, a manager's team's hygiene score"),
  changes: z.array(
    z.object({
      deal: z.string(),
      dealName: z.string(),
      ownerName: z.string().nullable(),
      changes: z.array(z.string()),
      amount: decimalAmountSchema.nullable(),
    }),
  ),
  channels: z.array(channelSchema).describe('how it is (or would be) sent; empty: no channel reaches them'),
});

const deliveryFields = {
  id: z.string(),
  runId: z.string(),
  channel: channelSchema,
  recipient: z.string().describe('the e-mail address, or the webhook URL'),
  audience: audienceSchema,
  subject: z.string(),
  status: z.enum(['sent', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
};

export const digestRunSchema = z.object({
  runId: z.string(),
  asOf: instantTextSchema,
  dryRun: z.boolean(),
  digests: z.array(digestSchema),
  deliveries: z.array(z.object(deliveryFields)).describe('empty for a dry run'),
});
export type DigestRunResponse = z.infer<typeof digestRunSchema>;

export const digestDeliveriesQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(500).default(100) })
  .strict();

export const digestDeliveriesSchema = z.object({
  deliveries: z.array(
    z.object({
      ...deliveryFields,
      createdAt: instantTextSchema,
      finishedAt: instantTextSchema.nullable(),
    }),
  ),
});
export type DigestDeliveriesResponse = z.infer<typeof digestDeliveriesSchema>;
