import { z } from 'zod';
import { parsePeriod } from '../fiscal-calendar.js';

/**
 * A quota: what a person or a team is expected to book in a fiscal quarter or a calendar month.
 * Quotas are ledger entities (`quota`), one per subject and period, with id
 * `<subjectType>:<subjectId>:<period>`, so setting a quota twice changes the same entity:
 * - `quota.set`: the amount (minor units of its currency) from now on;
 * - `quota.cleared`: no quota any more (the entity projects to nothing).
 */
export const quotaSubjectTypes = ['user', 'team'] as const;
export type QuotaSubjectType = (typeof quotaSubjectTypes)[number];

/** The period kinds a quota may be set for. */
export const quotaPeriodKinds = ['quarter', 'month'] as const;
export type QuotaPeriodKind = (typeof quotaPeriodKinds)[number];

export const quotaSetSchema = z.object({
  subjectType: z.enum(quotaSubjectTypes),
  subjectId: z.string().min(1),
  period: z.string().refine(isQuotaPeriod, 'expected a fiscal quarter (2026-Q3) or a month (2026-03)'),
  /** Integer minor units of `currency`, as a decimal string (bigint in JSON). */
  amountMinor: z.string().regex(/^\d+$/, 'expected whole minor units, not negative'),
  currency: z.string().regex(/^[A-Z]{3}$/),
});
export type QuotaSet = z.infer<typeof quotaSetSchema>;

export type Quota = {
  subjectType: QuotaSubjectType;
  subjectId: string;
  period: string;
  amountMinor: bigint;
  currency: string;
};

export function isQuotaPeriod(period: string): boolean {
  try {
    const kind = parsePeriod(period).kind;
    return (quotaPeriodKinds as readonly string[]).includes(kind);
  } catch {
    return false;
  }
}

/** The ledger entity id of a subject's quota for a period. */
export function computeQuotaId(subjectType: QuotaSubjectType, subjectId: string, period: string): string {
  return `${subjectType}:${subjectId}:${period}`;
}
