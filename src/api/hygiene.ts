import { z } from 'zod';
import {
  daySchema,
  decimalAmountSchema,
  instantQuerySchema,
  instantTextSchema,
  periodSchema,
} from './common-schemas.js';

/** The hygiene rule ids, stable and readable (the web app and receivers of digests read them). */
export const hygieneRuleIdList = [
  'close-date-past',
  'no-activity',
  'stuck-in-stage',
  'pushed-repeatedly',
  'amount-missing',
  'amount-swing',
  'commit-without-next-step',
  'missing-required-fields',
  'created-late-stage',
  'backdated-change',
] as const;
export const ruleIdSchema = z.enum(hygieneRuleIdList);
export const severitySchema = z.enum(['low', 'medium', 'high']);
export type ApiSeverity = z.infer<typeof severitySchema>;
export type ApiRuleId = z.infer<typeof ruleIdSchema>;

export const hygieneQuerySchema = z.object({
  asOf: instantQuerySchema
    .optional()
    .describe('the moment to look back to (only what was known then counts); now when absent'),
  team: z.string().min(1).optional().describe('only deals of this team and the teams below it'),
  owner: z.string().min(1).optional().describe('only deals of this person'),
  period: periodSchema
    .optional()
    .describe('the period of the pipeline comparison; the quarter of asOf when absent'),
  trendWeeks: z.coerce
    .number()
    .int()
    .min(0)
    .max(26)
    .default(6)
    .describe('weekly scores going back this many weeks'),
  forecast: z
    .enum(['true', 'false'])
    .default('false')
    .describe("also Candor's forecast beside its hygiene-adjusted figure"),
});

const scoreFields = {
  score: z
    .number()
    .nullable()
    .describe('0–100: share of open pipeline value free of flags, weighted by severity'),
  openDeals: z.number().int(),
  flaggedDeals: z.number().int(),
  openValue: decimalAmountSchema,
  flaggedValue: decimalAmountSchema,
};
const totalsSchema = z.object({
  Pipeline: z.object({ deals: z.number().int(), amount: decimalAmountSchema }),
  'Best Case': z.object({ deals: z.number().int(), amount: decimalAmountSchema }),
  Commit: z.object({ deals: z.number().int(), amount: decimalAmountSchema }),
});

/** Candor's expected bookings and the P10–P90 band around them. */
const forecastFigures = {
  expected: decimalAmountSchema,
  p10: decimalAmountSchema,
  p50: decimalAmountSchema,
  p90: decimalAmountSchema,
};

export const hygieneReportSchema = z.object({
  asOf: instantTextSchema,
  currency: z.string(),
  flags: z.array(
    z.object({
      deal: z.string(),
      dealName: z.string(),
      owner: z.string().nullable(),
      ownerName: z.string().nullable(),
      rule: ruleIdSchema,
      severity: severitySchema,
      evidence: z.string(),
      since: instantTextSchema,
      amount: decimalAmountSchema.nullable().describe('in the corporate currency'),
    }),
  ),
  deals: z.array(
    z.object({
      deal: z.string(),
      dealName: z.string(),
      owner: z.string().nullable(),
      ownerName: z.string().nullable(),
      risk: z.number(),
      level: z.string(),
      summary: z.string(),
      amount: decimalAmountSchema.nullable(),
    }),
  ),
  scores: z.object({
    total: z.object(scoreFields),
    owners: z.array(
      z.object({
        ...scoreFields,
        owner: z.string(),
        ownerName: z.string(),
        team: z.string().nullable(),
        teamName: z.string().nullable(),
      }),
    ),
    teams: z.array(z.object({ ...scoreFields, team: z.string(), teamName: z.string() })),
  }),
  pipeline: z.object({
    period: z.string(),
    reported: totalsSchema,
    adjusted: totalsSchema.describe('without stale deals (a high-severity flag)'),
    difference: decimalAmountSchema,
    byRule: z.array(z.object({ rule: ruleIdSchema, deals: z.number().int(), amount: decimalAmountSchema })),
  }),
  trend: z.array(z.object({ asOf: instantTextSchema, score: z.number().nullable() })),
  forecast: z
    .union([
      z.object({
        available: z.literal(true),
        period: z.string(),
        ...forecastFigures,
        adjusted: z
          .object(forecastFigures)
          .describe('the forecast computed again without the stale open deals, its band simulated afresh'),
        adjustedExpected: decimalAmountSchema.describe('= adjusted.expected'),
        byRule: z.array(
          z.object({ rule: ruleIdSchema, deals: z.number().int(), expected: decimalAmountSchema }),
        ),
      }),
      z.object({ available: z.literal(false), period: z.string(), reason: z.string() }),
    ])
    .nullable(),
});
export type HygieneReportResponse = z.infer<typeof hygieneReportSchema>;

export const dealHygieneQuerySchema = z.object({
  asOf: instantQuerySchema.optional().describe('the moment to look back to; now when absent'),
});
export const dealHygieneParamsSchema = z.object({ id: z.string().min(1) });

export const dealHygieneSchema = z.object({
  deal: z.string(),
  asOf: instantTextSchema,
  currency: z.string().describe("the deal's own currency, of the amounts in points"),
  flags: z.array(
    z.object({
      rule: ruleIdSchema,
      severity: severitySchema,
      evidence: z.string(),
      since: instantTextSchema,
    }),
  ),
  risk: z.object({
    points: z.number(),
    level: z.enum(['none', 'low', 'medium', 'high']),
    summary: z.string(),
  }),
  stays: z.array(
    z.object({
      stage: z.string(),
      enteredAt: instantTextSchema,
      leftAt: instantTextSchema.nullable(),
      days: z.number(),
      usualDays: z.number().nullable().describe("the organisation's median stay in this stage"),
      limitDays: z.number().nullable().describe('beyond this the deal counts as stuck'),
    }),
  ),
  points: z.array(
    z.object({
      at: instantTextSchema,
      closeDate: daySchema.nullable(),
      amount: decimalAmountSchema.nullable(),
      kind: z.string(),
    }),
  ),
  activities: z.array(z.object({ type: z.string(), subject: z.string(), occurredAt: instantTextSchema })),
});
export type DealHygieneResponse = z.infer<typeof dealHygieneSchema>;

export const inspectionQuerySchema = z.object({
  asOf: instantQuerySchema.optional(),
  period: periodSchema.optional().describe('deals closing in this period; the quarter of asOf when absent'),
  team: z.string().min(1).optional(),
  owner: z.string().min(1).optional(),
});

export const changeKindList = [
  'new',
  'advanced',
  'moved-back',
  'slipped',
  'pulled-in',
  'amount-up',
  'amount-down',
  'category-changed',
  'won',
  'lost',
] as const;
const changeKindSchema = z.enum(changeKindList);

export const inspectionSchema = z.object({
  asOf: instantTextSchema,
  period: z.string(),
  closeFrom: daySchema,
  closeTo: daySchema,
  currency: z.string(),
  summary: z.record(changeKindSchema, z.number().int()),
  deals: z.array(
    z.object({
      deal: z.string(),
      dealName: z.string(),
      owner: z.string().nullable(),
      ownerName: z.string().nullable(),
      stage: z.string(),
      forecastCategory: z.string(),
      closeDate: daySchema.nullable(),
      amount: decimalAmountSchema.nullable(),
      isClosed: z.boolean(),
      risk: z.number(),
      level: z.string(),
      summary: z.string(),
      rules: z.array(ruleIdSchema),
      changes: z.array(z.object({ kind: changeKindSchema, text: z.string() })),
    }),
  ),
});
export type InspectionResponse = z.infer<typeof inspectionSchema>;

const thresholdValue = z.union([z.number(), z.string(), z.null()]);
export const hygieneRuleSchema = z.object({
  rule: ruleIdSchema,
  description: z.string(),
  enabled: z.boolean(),
  severity: severitySchema,
  thresholds: z.record(z.string(), thresholdValue),
  defaults: z.object({
    enabled: z.boolean(),
    severity: severitySchema,
    thresholds: z.record(z.string(), thresholdValue),
  }),
});
export type HygieneRuleResponse = z.infer<typeof hygieneRuleSchema>;
export const hygieneRuleListSchema = z.object({ rules: z.array(hygieneRuleSchema) });
export const hygieneRuleParamsSchema = z.object({ rule: z.string().min(1) });
export const changeHygieneRuleSchema = z
  .object({
    enabled: z.boolean().optional(),
    severity: severitySchema.optional(),
    thresholds: z.record(z.string(), thresholdValue).optional(),
  })
  .strict();
export type ChangeHygieneRuleRequest = z.infer<typeof changeHygieneRuleSchema>;
