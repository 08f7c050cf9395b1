import { z } from 'zod';
import { decimalAmountSchema, instantTextSchema, periodSchema } from './common-schemas.js';

/**
 * Scorecards of reps and teams (GET /api/scorecards, `candor scorecard`): each indicator against
 * its target with a status and a trend over the recent periods, and the ids of the deals or
 * activities behind it. Money indicators carry decimal strings, the others plain numbers.
 */
export const scorecardQuerySchema = z.object({
  period: periodSchema.describe('a fiscal quarter (2026-Q3), month (2026-03) or week (2026-W14)'),
  teamId: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('only this team, the teams below it and their people'),
  ownerId: z.string().min(1).max(200).optional().describe('only this person'),
});
export type ScorecardQuery = z.infer<typeof scorecardQuerySchema>;

export const indicatorStatusNames = ['on-track', 'at-risk', 'off-track', 'no-target'] as const;
export type IndicatorStatusName = (typeof indicatorStatusNames)[number];

const indicatorValueSchema = z.union([decimalAmountSchema, z.number(), z.null()]);

export const indicatorSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.enum(['money', 'share', 'count', 'days', 'ratio']),
  kind: z.enum(['trailing', 'leading']),
  value: indicatorValueSchema,
  target: indicatorValueSchema.describe('for the whole period'),
  expected: indicatorValueSchema.describe('what the target asks for by now'),
  status: z.enum(indicatorStatusNames),
  trend: z.array(indicatorValueSchema).describe('one value per period of `periods`, the current one last'),
  dealIds: z.array(z.string()),
  activityIds: z.array(z.string()).describe('at most 200; `activityCount` has them all'),
  activityCount: z.number().int(),
});
export type ScorecardIndicator = z.infer<typeof indicatorSchema>;

export const scorecardSchema = z.object({
  subjectType: z.enum(['user', 'team']),
  subjectId: z.string(),
  name: z.string(),
  /** Team names from the top of the tree (teams), or the person's teams (people). */
  path: z.array(z.string()),
  role: z.string().describe('whose targets apply'),
  headcount: z.number().int().describe('people the per-person targets are multiplied by'),
  ownerIds: z.array(z.string()).describe('whose deals and activities count'),
  quota: decimalAmountSchema.nullable(),
  quotaSource: z.enum(['set', 'prorated', 'members', 'none']),
  bookings: decimalAmountSchema,
  attainment: z.number().nullable(),
  pace: z.number().nullable().describe('bookings over the quota share of the time gone; 1 is on pace'),
  status: z.enum(indicatorStatusNames).describe('of bookings against the quota share of the time gone'),
  indicators: z.array(indicatorSchema),
  activitiesByType: z.record(z.string(), z.number().int()),
  conversions: z.array(
    z.object({
      stage: z.string(),
      entered: z.number().int(),
      advanced: z.number().int(),
      rate: z.number().nullable(),
      dealIds: z.array(z.string()),
    }),
  ),
});
export type ScorecardCard = z.infer<typeof scorecardSchema>;

export const scorecardReportSchema = z.object({
  period: z.string(),
  currency: z.string(),
  asOf: instantTextSchema,
  periodStart: z.string(),
  periodEnd: z.string(),
  elapsedShare: z.number().describe('share of the period gone by the fiscal calendar'),
  periods: z.array(z.string()).describe('the periods of each trend, oldest first'),
  statusRule: z.string(),
  teams: z.array(scorecardSchema),
  people: z.array(scorecardSchema),
});
export type ScorecardReport = z.infer<typeof scorecardReportSchema>;

export const insightQuerySchema = z.object({
  period: periodSchema.describe('the quarter to look back from: earlier completed quarters are studied'),
  teamId: z.string().min(1).max(200).optional(),
  weeks: z.coerce.number().int().min(1).max(8).default(4).describe('the early weeks measured'),
});

export const leadingInsightSchema = z.object({
  period: z.string(),
  weeks: z.number().int(),
  quarters: z.array(z.string()).describe('the completed quarters studied that had people with a quota'),
  minimumPairs: z.number().int(),
  observations: z.number().int().describe('person-quarters with a quota'),
  indicators: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      n: z.number().int(),
      rho: z.number().nullable().describe("Spearman's rank correlation with attainment at quarter end"),
      strength: z.enum(['strong', 'moderate', 'weak', 'none', 'too-little-data']),
      statement: z.string(),
    }),
  ),
  summary: z.string(),
});
export type LeadingInsight = z.infer<typeof leadingInsightSchema>;
