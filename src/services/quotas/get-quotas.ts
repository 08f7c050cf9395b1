import type { AccessScope } from '../../core/access-scope.js';
import { DomainError } from '../../core/domain-error.js';
import { formatMinor } from '../../core/money.js';
import { isQuotaPeriod } from '../../core/quotas/quota.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { getOrgContext } from '../org-context.js';
import { readQuotaBoard } from './read-quota-board.js';

export type GetQuotasOptions = { period: string; scope: AccessScope };

export type QuotaReport = {
  period: string;
  currency: string;
  people: { userId: string; name: string; teamIds: string[]; quota: string | null }[];
  teams: {
    teamId: string;
    name: string;
    parentId: string | null;
    depth: number;
    own: string | null;
    membersSum: string;
    membersWithQuota: number;
    difference: string | null;
    effective: string | null;
    effectiveSource: 'team' | 'members' | 'none';
  }[];
  /** The quotas as set, each in its own currency. */
  set: { subjectType: 'user' | 'team'; subjectId: string; amount: string; currency: string; setAt: string }[];
};

/**
 * `candor quotas --period …` and GET /api/quotas: the quotas of a fiscal quarter or month by person
 * and team, a team's own quota beside the sum of its people's, in the corporate currency.
 */
export async function getQuotas(handle: DatabaseHandle, options: GetQuotasOptions): Promise<QuotaReport> {
  if (!isQuotaPeriod(options.period)) {
    throw new DomainError('invalid-input', `'${options.period}' is not a quota period`, [
      {
        where: 'period',
        value: options.period,
        reason: 'expected a fiscal quarter (2026-Q3) or a month (2026-03)',
      },
    ]);
  }
  return withConnection(handle, async (conn) => {
    const org = await getOrgContext(conn);
    const board = await readQuotaBoard(conn, { org, period: options.period, scope: options.scope });
    const money = (minor: bigint | null) =>
      minor === null ? null : formatMinor(minor, org.corporateDecimals);
    return {
      period: options.period,
      currency: org.settings.corporateCurrency,
      people: board.people.map((p) => ({
        userId: p.userId,
        name: p.name,
        teamIds: p.teamIds,
        quota: money(p.quotaMinor),
      })),
      teams: board.teams.map((t) => ({
        teamId: t.id,
        name: t.name,
        parentId: t.parentId,
        depth: t.depth,
        own: money(t.ownMinor),
        membersSum: formatMinor(t.membersMinor, org.corporateDecimals),
        membersWithQuota: t.membersWithQuota,
        difference: money(t.differenceMinor),
        effective: money(t.effectiveMinor),
        effectiveSource: t.effectiveSource,
      })),
      set: board.quotas.map((q) => ({
        subjectType: q.subjectType,
        subjectId: q.subjectId,
        amount: formatMinor(q.amountMinor, org.currencies.get(q.currency)?.decimals ?? 2),
        currency: q.currency,
        setAt: q.setAt.toISOString(),
      })),
    };
  });
}
