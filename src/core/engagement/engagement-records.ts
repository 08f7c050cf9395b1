import { z } from 'zod';

export const cadences = ['monthly', 'quarterly', 'half-yearly', 'yearly'] as const;
export type Cadence = (typeof cadences)[number];
/** Months between two business reviews of a cadence. */
export const cadenceMonths: Record<Cadence, number> = {
  monthly: 1,
  quarterly: 3,
  'half-yearly': 6,
  yearly: 12,
};

/**
 * An account's place in the executive programme (`strategic-account.set`, entity id = account id):
 * the admins' strategic tag, the executive sponsor and the cadence of business reviews.
 */
export const strategicAccountSchema = z.object({
  strategicTag: z.boolean(),
  sponsorId: z.string().min(1).nullable(),
  cadence: z.enum(cadences),
});
export type StrategicAccountRecord = z.infer<typeof strategicAccountSchema>;

/** The programme's settings (`engagement.configured`, one entity `program`). */
export const engagementSettingsSchema = z.object({
  /** `top`: the topN best-scored accounts; `threshold`: every account scoring minScore or more. */
  selection: z.enum(['top', 'threshold']),
  topN: z.number().int().min(1).max(1000),
  minScore: z.number().min(0).max(100),
  /** An unplanned executive meeting this many days or fewer before a deal's close date is a fire drill. */
  fireDrillDays: z.number().int().min(0).max(365),
  defaultCadence: z.enum(cadences),
});
export type EngagementSettings = z.infer<typeof engagementSettingsSchema>;

export const defaultEngagementSettings: EngagementSettings = {
  selection: 'top',
  topN: 10,
  minScore: 50,
  fireDrillDays: 14,
  defaultCadence: 'quarterly',
};

export const meetingStatuses = ['scheduled', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/**
 * A meeting with a customer (`meeting.logged`, then `meeting.changed`). `planned` says whether it
 * was part of the programme's plan, decided when it is logged; attendees are Candor user ids or,
 * for people outside Candor, names.
 */
export const meetingSchema = z.object({
  accountId: z.string().min(1),
  opportunityId: z.string().min(1).nullable(),
  title: z.string().min(1),
  /** ISO 8601 instant the meeting starts. */
  startsAt: z.string().datetime({ offset: true }),
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  status: z.enum(meetingStatuses),
  planned: z.boolean(),
  attendeeIds: z.array(z.string().min(1)),
  externalAttendees: z.array(z.string().min(1)),
  outcome: z.string().nullable(),
  nextSteps: z.string().nullable(),
});
export type MeetingRecord = z.infer<typeof meetingSchema>;
export type Meeting = MeetingRecord & { id: string };
