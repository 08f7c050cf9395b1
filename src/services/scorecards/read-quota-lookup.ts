import { periodDates } from '../../core/fiscal-calendar.js';
import { convertToCorporate } from '../../core/quotas/convert-to-corporate.js';
import { listQuotas } from '../../store/quota-queries.js';
import { readQuotaRateTable } from '../../store/quota-rate-table.js';
import type { Connection } from '../../store/session.js';
import type { OrgContext } from '../org-context.js';

export type QuotaLookup = {
  /** A person's quota for a period, in the corporate currency. */
  user: (userId: string, period: string) => bigint | null;
  /** A team's own quota for a period, else the sum of its people's (when any has one). */
  team: (
    teamId: string,
    ownerIds: readonly string[],
    period: string,
  ) => { minor: bigint | null; source: 'team' | 'members' | 'none' };
  /** The people with a quota for a period. */
  holders: (period: string) => Set<string>;
};

/** The quotas of some periods, converted at each period's first day. */
export async function readQuotaLookup(
  conn: Pick<Connection, 'db'>,
  options: { org: OrgContext; periods: readonly string[] },
): Promise<QuotaLookup> {
  // One after the other: a connection runs one query at a time (pg queues a second one, and warns).
  const quotas = await listQuotas(conn, options.periods);
  const rates = await readQuotaRateTable(conn, options.org.settings.corporateCurrency);
  const byKey = new Map<string, bigint | null>();
  for (const q of quotas) {
    const day = periodDates(options.org.calendar, q.period).start;
    byKey.set(
      `${q.subjectType}:${q.subjectId}:${q.period}`,
      convertToCorporate(q.amountMinor, q.currency, day, rates),
    );
  }
  const user = (userId: string, period: string) => byKey.get(`user:${userId}:${period}`) ?? null;
  return {
    user,
    team: (teamId, ownerIds, period) => {
      const own = byKey.get(`team:${teamId}:${period}`);
      if (own !== undefined && own !== null) return { minor: own, source: 'team' };
      let sum = 0n;
      let any = false;
      for (const id of ownerIds) {
        const quota = user(id, period);
        if (quota === null) continue;
        sum += quota;
        any = true;
      }
      return any ? { minor: sum, source: 'members' } : { minor: null, source: 'none' };
    },
    holders: (period) =>
      new Set(quotas.filter((q) => q.subjectType === 'user' && q.period === period).map((q) => q.subjectId)),
  };
}
