import { z } from 'zod';
import { decimalAmountSchema, instantTextSchema } from './common-schemas.js';
import { roleNames } from './session.js';

/** Quotas (GET/PUT/DELETE /api/quotas) and indicator targets (GET/PUT /api/targets). */
export const quotaPeriodSchema = z
  .string()
  .regex(/^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/, 'expected a fiscal quarter (2026-Q3) or a month (2026-03)')
  .describe('a fiscal quarter (2026-Q3) or a calendar month (2026-03)');

export const quotaQuerySchema = z.object({ period: quotaPeriodSchema });

export const quotaSubjectSchema = z.object({
  subjectType: z.enum(['user', 'team']),
  subjectId: z.string().min(1).max(200),
  period: quotaPeriodSchema,
});

export const setQuotaSchema = quotaSubjectSchema.extend({
  amount: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'expected a decimal amount that is not negative, e.g. 250000.00')
    .describe('in `currency`'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional()
    .describe('default: the corporate currency'),
});
export type SetQuotaRequest = z.infer<typeof setQuotaSchema>;

export const quotaReportSchema = z.object({
  period: z.string(),
  currency: z.string().describe('the corporate currency of every amount but those in `set`'),
  people: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      teamIds: z.array(z.string()),
      quota: decimalAmountSchema.nullable(),
    }),
  ),
  teams: z.array(
    z.object({
      teamId: z.string(),
      name: z.string(),
      parentId: z.string().nullable(),
      depth: z.number().int(),
      own: decimalAmountSchema.nullable().describe('the quota set on the team itself'),
      membersSum: decimalAmountSchema.describe("the sum of its people's quotas, each person once"),
      membersWithQuota: z.number().int(),
      difference: decimalAmountSchema.nullable().describe('own − membersSum'),
      effective: decimalAmountSchema.nullable().describe('own when set, else membersSum'),
      effectiveSource: z.enum(['team', 'members', 'none']),
    }),
  ),
  set: z.array(
    z.object({
      subjectType: z.enum(['user', 'team']),
      subjectId: z.string(),
      amount: decimalAmountSchema,
      currency: z.string(),
      setAt: instantTextSchema,
    }),
  ),
});
export type QuotaReportResponse = z.infer<typeof quotaReportSchema>;

export const targetIndicatorKeys = [
  'meetings_per_week',
  'calls_per_week',
  'demos_per_week',
  'emails_per_week',
  'deals_advanced_per_week',
  'pipeline_created_per_month',
  'coverage_ratio',
  'win_rate',
] as const;

export const targetReportSchema = z.object({
  targets: z.array(
    z.object({
      role: z.enum(roleNames),
      indicator: z.enum(targetIndicatorKeys),
      label: z.string(),
      unit: z.string(),
      value: z.string(),
      source: z.enum(['set', 'default']),
      defaultValue: z.string(),
    }),
  ),
});
export type TargetReportResponse = z.infer<typeof targetReportSchema>;

export const setTargetSchema = z.object({
  role: z.enum(roleNames),
  indicator: z.enum(targetIndicatorKeys),
  value: z
    .string()
    .regex(/^\d+(\.\d+)?$/)
    .nullable()
    .describe('null clears the target: the default applies again'),
});
