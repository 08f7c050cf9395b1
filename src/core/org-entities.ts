import { z } from 'zod';
import { forecastCategories } from './forecast-category.js';

/**
 * The configuration and reference entities of an organisation, as their ledger payloads describe
 * them. Each `<entity>.created` payload is the full record; each `<entity>.changed` payload is a
 * partial one. (Opportunities have their own, richer, module.)
 */
export const roles = ['rep', 'manager', 'executive', 'viewer', 'admin'] as const;
export type Role = (typeof roles)[number];

export const orgSettingsSchema = z.object({
  name: z.string().min(1),
  isDemo: z.boolean(),
  corporateCurrency: z.string().length(3),
  /** IANA time zone that decides where days, weeks and periods begin. */
  timeZone: z.string().min(1),
  /** 1 = January. */
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  /** Whether fiscal year 2027 is the one that starts or ends in calendar 2027. */
  fiscalYearNamedBy: z.enum(['start', 'end']),
  /** ISO weekday that starts a week: 1 = Monday … 7 = Sunday. */
  weekStartDay: z.number().int().min(1).max(7),
  /** A change entered with a business time more than this before its recorded time is backdated. */
  backdatedAfterHours: z.number().positive(),
  /** A win or loss recorded more than this many days after its close date is a late-recorded close. */
  lateCloseAfterDays: z.number().positive(),
});
export type OrgSettings = z.infer<typeof orgSettingsSchema>;

export const defaultOrgSettings: OrgSettings = {
  name: 'Candor',
  isDemo: false,
  corporateCurrency: 'USD',
  timeZone: 'UTC',
  fiscalYearStartMonth: 1,
  fiscalYearNamedBy: 'end',
  weekStartDay: 1,
  backdatedAfterHours: 72,
  lateCloseAfterDays: 7,
};

export const currencySchema = z.object({
  code: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD'),
  decimals: z.number().int().min(0).max(4),
});
export type Currency = z.infer<typeof currencySchema>;

export const currencyRateSchema = z.object({
  /** First day the rate applies, `YYYY-MM-DD`. */
  validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Units of the corporate currency for one unit of this currency. */
  rate: z.string().regex(/^\d+(\.\d+)?$/),
});
export type CurrencyRate = z.infer<typeof currencyRateSchema>;

export const stageSchema = z.object({
  name: z.string().min(1),
  order: z.number().int(),
  probability01: z.number().min(0).max(1),
  forecastCategory: z.enum(forecastCategories),
  isClosed: z.boolean(),
  isWon: z.boolean(),
  requiredFields: z.array(z.string()),
  active: z.boolean(),
});

export const teamSchema = z.object({
  name: z.string().min(1),
  parentId: z.string().nullable(),
});
export type TeamRecord = z.infer<typeof teamSchema>;

export const userSchema = z.object({
  name: z.string().min(1),
  email: z.string().nullable(),
  title: z.string().nullable(),
  active: z.boolean(),
});
export type UserRecord = z.infer<typeof userSchema>;

export const membershipSchema = z.object({
  teamId: z.string().min(1),
  role: z.enum(roles),
});
export type Membership = z.infer<typeof membershipSchema>;

export const accountSchema = z.object({
  name: z.string().min(1),
  ownerId: z.string().nullable(),
  industry: z.string().nullable(),
  segment: z.string().nullable(),
  country: z.string().nullable(),
  fields: z.record(z.string(), z.string()),
});
export type AccountRecord = z.infer<typeof accountSchema>;

export const activityTypes = ['call', 'meeting', 'demo', 'email', 'task', 'other'] as const;
export type ActivityType = (typeof activityTypes)[number];

export const activitySchema = z.object({
  type: z.enum(activityTypes),
  subject: z.string(),
  occurredAt: z.string().datetime({ offset: true }),
  opportunityId: z.string().nullable(),
  accountId: z.string().nullable(),
  ownerId: z.string().nullable(),
  fields: z.record(z.string(), z.string()),
});
export type ActivityRecord = z.infer<typeof activitySchema>;

/** Batch summary recorded when an import commits, so the ledger says where its events came from. */
export const importCommittedSchema = z.object({
  kind: z.string(),
  files: z.array(z.object({ name: z.string(), sha256: z.string(), rows: z.number().int() })),
  events: z.number().int(),
  rejected: z.number().int(),
});
