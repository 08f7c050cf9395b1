import { z } from 'zod';
import { decimalAmountSchema, instantTextSchema, periodSchema, seqSchema } from './common-schemas.js';

/** The HTTP contract of forecast calls: submission, the team grid, history, reminders, track records. */
const signedAmountSchema = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .describe('an exact signed decimal amount');

export const callPolicySchema = z.object({
  cadence: z
    .enum(['weekly', 'fortnightly'])
    .describe('a call every week of the period, or every second week'),
  dueWeekday: z.number().int().min(1).max(7).describe('ISO weekday the call is due: 1 = Monday … 7 = Sunday'),
  dueTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a 24-hour time such as 17:00')
    .describe('due time, HH:MM in the organisation time zone'),
  reasonShare01: z
    .number()
    .min(0)
    .max(1)
    .describe('a call further than this share from the roll-up needs a written reason (0.1 = 10 %)'),
});
export const callPolicyChangeSchema = callPolicySchema.partial();
export type CallPolicyResponse = z.infer<typeof callPolicySchema>;

export const callSubmissionSchema = z.object({
  period: periodSchema,
  commit: decimalAmountSchema.describe('the commit call, in the corporate currency'),
  bestCase: decimalAmountSchema.describe('the best-case call, at least the commit'),
  note: z.string().max(2000).nullable().optional(),
  reason: z
    .string()
    .max(2000)
    .nullable()
    .optional()
    .describe('required when the call differs from the roll-up by more than the policy share'),
  userId: z
    .string()
    .min(1)
    .optional()
    .describe("whose call: your own when absent; a manager may enter a team member's"),
});
export type CallSubmissionRequest = z.infer<typeof callSubmissionSchema>;

export const callViewSchema = z.object({
  userId: z.string(),
  name: z.string(),
  period: z.string(),
  week: z.number().int().describe('week of the period the call counts for'),
  seq: seqSchema,
  submittedAt: instantTextSchema,
  submittedBy: z.string(),
  submittedByName: z.string(),
  commit: decimalAmountSchema,
  bestCase: decimalAmountSchema,
  currency: z.string(),
  note: z.string().nullable(),
  reason: z.string().nullable(),
  rollupCommit: decimalAmountSchema.describe('Closed + Commit of the deals behind the call, at submission'),
  rollupBestCase: decimalAmountSchema.describe('Closed + Commit + Best Case, at submission'),
});
export type CallViewResponse = z.infer<typeof callViewSchema>;

const rollupSchema = z.object({
  deals: z.number().int(),
  closed: decimalAmountSchema,
  commit: decimalAmountSchema,
  bestCase: decimalAmountSchema,
  pipeline: decimalAmountSchema,
  rollupCommit: decimalAmountSchema.describe('Closed + Commit'),
  rollupBestCase: decimalAmountSchema.describe('Closed + Commit + Best Case'),
  overriddenDeals: z.number().int().describe('open deals whose category the owner set by hand'),
  overridden: decimalAmountSchema,
});
export type RollupResponse = z.infer<typeof rollupSchema>;

const windowSchema = z.object({ week: z.number().int(), dueAt: instantTextSchema });

export const callGridQuerySchema = z.object({
  period: periodSchema,
  team: z.string().min(1).optional().describe('the team to show; your top team when absent'),
});

export const callGridSchema = z.object({
  period: z.string(),
  currency: z.string(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  teams: z.array(z.object({ id: z.string(), name: z.string(), parentId: z.string().nullable() })),
  window: windowSchema.nullable().describe('the window open now; null once the calls are frozen'),
  previousDueAt: instantTextSchema.nullable(),
  policy: callPolicySchema,
  rows: z.array(
    z.object({
      kind: z.enum(['team', 'child-team', 'member']),
      teamId: z.string().nullable(),
      teamName: z.string().nullable(),
      userId: z.string().nullable(),
      name: z.string(),
      rollup: rollupSchema,
      rollupCommitChange: signedAmountSchema.nullable(),
      call: callViewSchema.nullable(),
      callCommitChange: signedAmountSchema.nullable(),
      beyondShare: z.boolean(),
    }),
  ),
  mine: z.object({ canSubmit: z.boolean(), rollup: rollupSchema, call: callViewSchema.nullable() }),
});
export type CallGridResponse = z.infer<typeof callGridSchema>;
export type CallGridRowResponse = CallGridResponse['rows'][number];

export const callHistoryQuerySchema = z.object({
  period: periodSchema,
  user: z.string().min(1).optional().describe('whose calls; your own when absent'),
});

export const callHistorySchema = z.object({
  period: z.string(),
  userId: z.string(),
  name: z.string(),
  currency: z.string(),
  actual: decimalAmountSchema.describe('won so far in the period within the person’s scope'),
  periodClosed: z.boolean(),
  weeks: z.array(
    z.object({
      week: z.number().int(),
      dueAt: instantTextSchema,
      frozen: z.boolean(),
      call: callViewSchema.nullable(),
      rollupCommit: decimalAmountSchema.nullable(),
      rollupBestCase: decimalAmountSchema.nullable(),
      accuracy: z.number().nullable().describe('1 − |actual − call| / actual, once the period has closed'),
    }),
  ),
  submissions: z.array(callViewSchema),
});
export type CallHistoryResponse = z.infer<typeof callHistorySchema>;

export const callExportQuerySchema = z.object({
  period: periodSchema,
  user: z.string().min(1).optional(),
  format: z.enum(['csv', 'xlsx']).default('csv'),
});

export const periodQuerySchema = z.object({ period: periodSchema });

export const missingCallsSchema = z.object({
  period: z.string(),
  window: windowSchema.nullable(),
  expected: z.number().int(),
  missing: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      teamName: z.string().nullable(),
      dueAt: instantTextSchema,
      lastCallAt: instantTextSchema.nullable(),
      lastCallWeek: z.number().int().nullable(),
    }),
  ),
});
export type MissingCallsResponse = z.infer<typeof missingCallsSchema>;

export const trackRecordQuerySchema = z.object({
  periods: z
    .string()
    .regex(/^[^,]+(,[^,]+)*$/)
    .optional()
    .describe('comma-separated closed periods; the last eight closed quarters when absent'),
});

const share = z.number().nullable();
const personTrackRecordsSchema = z.object({
  currency: z.string(),
  periods: z.array(z.string()),
  people: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      teamId: z.string().nullable(),
      teamName: z.string().nullable(),
      role: z.string(),
      periods: z.number().int(),
      accuracyByWeek: z.array(
        z.object({ week: z.number().int(), accuracy01: z.number(), calls: z.number().int() }),
      ),
      meanAccuracy01: share,
      rawBias01: share,
      teamBias01: share,
      ownWeight01: z.number(),
      bias01: share.describe('signed bias shrunk toward the team: positive over-calls, negative sandbags'),
      commitHitRate: z.object({
        deals: z.number().int(),
        won: z.number().int(),
        wonShare01: share,
        wonAmountShare01: share,
        committedAmount: decimalAmountSchema,
        wonAmount: decimalAmountSchema,
      }),
      overrides: z
        .object({
          weeks: z.number().int(),
          better: z.number().int(),
          worse: z.number().int(),
          unchanged: z.number().int(),
          meanAccuracyGain01: share,
        })
        .nullable(),
      byPeriod: z.array(
        z.object({
          period: z.string(),
          actual: decimalAmountSchema,
          calls: z.number().int(),
          lastCall: decimalAmountSchema.nullable(),
          bias: share,
        }),
      ),
    }),
  ),
});
const scoredNumberSchema = z.object({
  periods: z.number().int(),
  accuracyByWeek: z.array(
    z.object({ week: z.number().int(), accuracy01: z.number(), calls: z.number().int() }),
  ),
  meanAccuracy01: share,
  bias01: share.describe('mean (call − actual) / actual: positive over-calls, negative sandbags'),
});

export const trackRecordsSchema = personTrackRecordsSchema.extend({
  teams: z
    .array(
      z.object({
        teamId: z.string(),
        teamName: z.string(),
        leaderId: z.string(),
        leaderName: z.string(),
        members: z
          .number()
          .int()
          .describe("people whose calls make the roll-up: the team's reps and child-team leaders"),
        call: scoredNumberSchema.describe("the team's call (its leader's) against the team's actual"),
        rollup: scoredNumberSchema.describe("the sum of the members' calls against the same actual"),
        judgement: z
          .object({
            weeks: z.number().int(),
            better: z.number().int(),
            worse: z.number().int(),
            unchanged: z.number().int(),
            meanAccuracyGain01: share,
          })
          .describe("weeks where the team's call beat (or lost to) the members' sum"),
        byPeriod: z.array(z.object({ period: z.string(), actual: decimalAmountSchema })),
      }),
    )
    .describe('teams with a leader whose whole subtree the caller reads'),
  candorForecast: z
    .object({
      scopeKey: z.string(),
      periods: z.number().int(),
      accuracyByWeek: z.array(
        z.object({ week: z.number().int(), accuracy01: z.number(), forecasts: z.number().int() }),
      ),
      meanAccuracy01: share,
      bias01: share.describe('mean (expected − actual) / actual: positive forecast too high'),
      coverage01: share.describe('share of scored forecasts whose P10–P90 held the actual'),
      scored: z.number().int(),
    })
    .describe(
      "Candor's own stored forecasts of the caller's whole scope, scored at period close: the latest of each week",
    ),
});
export type TrackRecordsResponse = z.infer<typeof trackRecordsSchema>;
