import { z } from 'zod';
import { daySchema, decimalAmountSchema, instantTextSchema, periodSchema } from './common-schemas.js';

/** The HTTP contract of executive engagement (see docs/insights-and-engagement.md). */
export const cadenceValues = ['monthly', 'quarterly', 'half-yearly', 'yearly'] as const;
export const meetingStatusValues = ['scheduled', 'held', 'cancelled'] as const;
export const meetingKindValues = ['planned', 'fire-drill', 'unplanned'] as const;

export const engagementPeriodQuerySchema = z.object({ period: periodSchema });

const settingsSchema = z.object({
  selection: z.enum(['top', 'threshold']),
  topN: z.number().int().min(1).max(1000),
  minScore: z.number().min(0).max(100),
  fireDrillDays: z.number().int().min(0).max(365),
  defaultCadence: z.enum(cadenceValues),
});
export const engagementSettingsChangeSchema = settingsSchema.partial();
export const engagementSettingsViewSchema = settingsSchema;

export const engagementPlanSchema = z.object({
  period: z.string(),
  currency: z.string(),
  settings: settingsSchema,
  scoringPeriods: z.array(z.string()),
  coverage: z.object({
    strategicAccounts: z.number().int(),
    due: z.number().int(),
    planned: z.number().int(),
    held: z.number().int(),
    overdue: z.number().int(),
    withoutSponsor: z.number().int(),
    coverage01: z.number().nullable(),
  }),
  accounts: z.array(
    z.object({
      accountId: z.string(),
      name: z.string(),
      score: z.number(),
      won: decimalAmountSchema,
      openPipeline: decimalAmountSchema,
      growth: z.number(),
      strategicTag: z.boolean(),
      sponsorId: z.string().nullable(),
      sponsorName: z.string().nullable(),
      cadence: z.string(),
      dueDays: z.array(daySchema),
      scheduled: z.number().int(),
      held: z.number().int(),
      status: z.string(),
    }),
  ),
  scores: z.array(
    z.object({
      accountId: z.string(),
      name: z.string(),
      score: z.number(),
      critical: z.boolean(),
      strategicTag: z.boolean(),
    }),
  ),
  executives: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type EngagementPlanView = z.infer<typeof engagementPlanSchema>;

const countsSchema = { planned: z.number().int(), fireDrill: z.number().int(), unplanned: z.number().int() };
const outcomesSchema = z.object({
  deals: z.number().int(),
  won: z.number().int(),
  wonValue: decimalAmountSchema,
  lost: z.number().int(),
  lostValue: decimalAmountSchema,
  slipped: z.number().int(),
  open: z.number().int(),
});

export const engagementReportSchema = z.object({
  periods: z.array(z.string()),
  currency: z.string(),
  fireDrillDays: z.number().int(),
  total: z.object(countsSchema),
  fireDrillShare: z.number().nullable(),
  bySponsor: z.array(
    z.object({ executiveId: z.string().nullable(), name: z.string().nullable(), ...countsSchema }),
  ),
  byPeriod: z.array(z.object({ period: z.string(), ...countsSchema })),
  afterwards: z.object({ planned: outcomesSchema, fireDrill: outcomesSchema }),
  meetings: z.array(
    z.object({
      id: z.string(),
      accountId: z.string(),
      accountName: z.string().nullable(),
      title: z.string(),
      startsAt: instantTextSchema,
      kind: z.enum(meetingKindValues),
      executiveId: z.string().nullable(),
      opportunityId: z.string().nullable(),
      dealName: z.string().nullable(),
      closeDateAtMeeting: z.string().nullable(),
    }),
  ),
});
export type EngagementReportViewDto = z.infer<typeof engagementReportSchema>;

export const meetingLogSchema = z.object({
  accountId: z.string().min(1).max(200).nullable().optional(),
  opportunityId: z.string().min(1).max(200).nullable().optional(),
  title: z.string().min(1).max(300),
  startsAt: instantTextSchema,
  durationMinutes: z.number().int().min(1).max(1440).nullable().optional(),
  status: z.enum(meetingStatusValues).nullable().optional(),
  planned: z.boolean().describe('part of the programme plan (a business review), decided when logged'),
  attendeeIds: z.array(z.string().min(1)).max(50).optional(),
  externalAttendees: z.array(z.string().min(1).max(200)).max(50).optional(),
  outcome: z.string().max(5000).nullable().optional(),
  nextSteps: z.string().max(5000).nullable().optional(),
});
export type MeetingLog = z.infer<typeof meetingLogSchema>;

export const meetingSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  opportunityId: z.string().nullable(),
  title: z.string(),
  startsAt: instantTextSchema,
  durationMinutes: z.number().int(),
  status: z.enum(meetingStatusValues),
  planned: z.boolean(),
  attendeeIds: z.array(z.string()),
  externalAttendees: z.array(z.string()),
  outcome: z.string().nullable(),
  nextSteps: z.string().nullable(),
});
export type MeetingView = z.infer<typeof meetingSchema>;

export const accountParamsSchema = z.object({ id: z.string().min(1).max(200) });

/** GET /api/accounts?search=: accounts the caller may see whose name contains the text. */
export const accountSearchQuerySchema = z.object({
  search: z.string().max(100).describe('part of the account name, any case'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const accountMatchListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      segment: z.string().nullable(),
      industry: z.string().nullable(),
    }),
  ),
});
export type AccountMatchView = z.infer<typeof accountMatchListSchema>['items'][number];
export const strategicAccountChangeSchema = z.object({
  strategicTag: z.boolean().optional(),
  sponsorId: z.string().min(1).nullable().optional(),
  cadence: z.enum(cadenceValues).optional(),
});
export const strategicAccountSchema = z.object({
  strategicTag: z.boolean(),
  sponsorId: z.string().nullable(),
  cadence: z.enum(cadenceValues),
});

export const accountOverviewSchema = z.object({
  id: z.string(),
  name: z.string(),
  segment: z.string().nullable(),
  industry: z.string().nullable(),
  programme: strategicAccountSchema.nullable(),
  meetings: z.array(meetingSchema.extend({ dealName: z.string().nullable() })),
});
export type AccountOverviewView = z.infer<typeof accountOverviewSchema>;

export const sponsorParamsSchema = z.object({ id: z.string().min(1).max(200) });
