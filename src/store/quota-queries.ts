import type { Connection } from '../db/connection.js';
import type { QuotaState } from '../core/quotas/apply-quota-events.js';
import type { TargetIndicator } from '../core/quotas/indicator-targets.js';
import type { QuotaSubjectType } from '../core/quotas/quota.js';
import type { Role } from '../core/org-entities.js';

type Db = Pick<Connection, 'db'>;

/** The quotas set for any of the given periods (all periods when none are given). */
export async function listQuotas(conn: Db, periods?: readonly string[]): Promise<QuotaState[]> {
  let query = conn.db
    .selectFrom('quotas')
    .selectAll()
    .orderBy('period')
    .orderBy('subject_type')
    .orderBy('subject_id');
  if (periods) {
    if (periods.length === 0) return [];
    query = query.where('period', 'in', [...periods]);
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    subjectType: r.subject_type as QuotaSubjectType,
    subjectId: r.subject_id,
    period: r.period,
    amountMinor: BigInt(r.amount_minor),
    currency: r.currency,
    setAt: r.set_at,
  }));
}

export type IndicatorTargetRow = { role: Role; indicator: TargetIndicator; value: string; setAt: Date };

/** The targets admins have set (roles and indicators without one use the defaults). */
export async function listIndicatorTargets(conn: Db): Promise<IndicatorTargetRow[]> {
  const rows = await conn.db
    .selectFrom('indicator_targets')
    .selectAll()
    .orderBy('role')
    .orderBy('indicator')
    .execute();
  return rows.map((r) => ({
    role: r.role as Role,
    indicator: r.indicator as TargetIndicator,
    value: r.value,
    setAt: r.set_at,
  }));
}

/** Which of the given ids are people (`user`) or teams (`team`) the organisation has. */
export async function findExistingSubjects(
  conn: Db,
  subjectType: QuotaSubjectType,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const table = subjectType === 'user' ? 'users' : 'teams';
  const rows = await conn.db
    .selectFrom(table)
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}
