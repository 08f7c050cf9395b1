import { z } from 'zod';
import { daySchema, decimalAmountSchema, instantTextSchema, periodSchema } from './common-schemas.js';

/** The HTTP contract of voice of the customer (see docs/insights-and-engagement.md). */
export const insightTypeValues = [
  'competitor-mention',
  'loss-reason',
  'feature-request',
  'pricing',
  'product-problem',
  'service-problem',
] as const;
export const insightSeverityValues = ['low', 'medium', 'high', 'critical'] as const;

export const insightTypeLabels: Record<(typeof insightTypeValues)[number], string> = {
  'competitor-mention': 'Competitor mention',
  'loss-reason': 'Loss reason',
  'feature-request': 'Feature request',
  pricing: 'Pricing',
  'product-problem': 'Product problem',
  'service-problem': 'Service or billing problem',
};

export const insightCaptureSchema = z.object({
  accountId: z
    .string()
    .min(1)
    .max(200)
    .nullable()
    .optional()
    .describe('the account; taken from the deal when omitted'),
  opportunityId: z
    .string()
    .min(1)
    .max(200)
    .nullable()
    .optional()
    .describe('the deal, when the insight is about one'),
  type: z.enum(insightTypeValues),
  competitor: z.string().max(200).nullable().optional(),
  topic: z.string().max(200).nullable().optional().describe('a short label that groups insights, e.g. "SSO"'),
  text: z.string().max(5000).nullable().optional(),
  severity: z.enum(insightSeverityValues).nullable().optional(),
  capturedAt: instantTextSchema.nullable().optional().describe('when the customer said it; default now'),
});
export type InsightCapture = z.infer<typeof insightCaptureSchema>;

export const insightSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  accountName: z.string().nullable(),
  opportunityId: z.string().nullable(),
  opportunityName: z.string().nullable(),
  type: z.enum(insightTypeValues),
  competitor: z.string().nullable(),
  topic: z.string().nullable(),
  text: z.string(),
  severity: z.enum(insightSeverityValues),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  capturedAt: instantTextSchema,
});
export type InsightView = z.infer<typeof insightSchema>;

export const insightListQuerySchema = z.object({
  accountId: z.string().min(1).max(200).optional(),
  opportunityId: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const insightListSchema = z.object({ insights: z.array(insightSchema) });

export const insightSummaryQuerySchema = z.object({
  period: periodSchema,
  segment: z.string().min(1).max(200).optional(),
  teamId: z.string().min(1).max(200).optional(),
});

const countsSchema = z.record(z.enum(insightTypeValues), z.number().int());

export const insightSummarySchema = z.object({
  period: z.string(),
  currency: z.string(),
  range: z.object({ start: daySchema, end: daySchema }),
  filters: z.object({ segment: z.string().nullable(), teamId: z.string().nullable() }),
  segments: z.array(z.string()).describe('the account segments there are'),
  counts: countsSchema,
  lostWithoutReason: z.number().int().describe('deals lost in the period with no loss reason'),
  competitors: z.array(
    z.object({
      competitor: z.string(),
      wonDeals: z.number().int(),
      won: decimalAmountSchema,
      lostDeals: z.number().int(),
      lost: decimalAmountSchema,
      winRate: z.number().nullable().describe('won ÷ (won + lost) deals citing the competitor'),
      openDeals: z.number().int(),
      open: decimalAmountSchema,
      mentions: z.number().int(),
    }),
  ),
  lossReasons: z.array(z.object({ reason: z.string(), deals: z.number().int(), lost: decimalAmountSchema })),
  featureRequests: z.array(
    z.object({
      topic: z.string(),
      requests: z.number().int(),
      accounts: z.number().int(),
      openDeals: z.number().int(),
      open: decimalAmountSchema,
    }),
  ),
  serviceProblems: z.array(
    z.object({
      topic: z.string(),
      reports: z.number().int(),
      accounts: z.number().int(),
      highestSeverity: z.string(),
      open: decimalAmountSchema,
    }),
  ),
  trends: z.array(
    z.object({
      period: z.string(),
      counts: countsSchema,
      lostDeals: z.number().int(),
      lost: decimalAmountSchema,
      lostToCompetition: decimalAmountSchema,
    }),
  ),
});
export type InsightSummaryView = z.infer<typeof insightSummarySchema>;

export const digestExportParamsSchema = z.object({ format: z.enum(['csv', 'md']) });
export const digestExportQuerySchema = insightSummaryQuerySchema.extend({
  types: z.string().optional().describe('comma-separated insight types; all when omitted'),
});

export const missingLossReasonsSchema = z.object({
  deals: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      closeDate: daySchema.nullable(),
      ownerId: z.string().nullable(),
    }),
  ),
});

export const digestAudienceValues = ['product', 'marketing', 'finance', 'service'] as const;

export const digestSubscriptionInputSchema = z.object({
  name: z.string().min(1).max(200),
  audience: z.enum(digestAudienceValues),
  types: z.array(z.enum(insightTypeValues)).min(1),
  segments: z.array(z.string().min(1).max(200)).max(50).default([]),
  email: z.email().nullable().default(null),
  webhookUrl: z.url().nullable().default(null),
});

export const digestSubscriptionSchema = digestSubscriptionInputSchema.extend({
  id: z.string(),
  active: z.boolean(),
});

export const digestSubscriptionCreatedSchema = z.object({
  subscription: digestSubscriptionSchema,
  webhookSecret: z
    .string()
    .nullable()
    .describe('the HMAC-SHA256 signing secret of the webhook, shown this once'),
});

export const digestSubscriptionListSchema = z.object({ subscriptions: z.array(digestSubscriptionSchema) });

export const digestSendQuerySchema = z.object({ period: periodSchema });
export const digestSendResultSchema = z.object({
  deliveries: z.array(
    z.object({
      subscriptionId: z.string(),
      channel: z.enum(['email', 'webhook']),
      recipient: z.string(),
      ok: z.boolean(),
      attempts: z.number().int(),
      error: z.string().nullable(),
    }),
  ),
});
