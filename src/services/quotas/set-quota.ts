import { DomainError } from '../../core/domain-error.js';
import { parseAmount } from '../../core/money.js';
import { computeQuotaId, isQuotaPeriod, type QuotaSubjectType } from '../../core/quotas/quota.js';
import { entityIdExists } from '../../store/admin-queries.js';
import { listQuotas } from '../../store/quota-queries.js';
import type { Connection, DatabaseHandle } from '../../store/session.js';
import { runChange, type ChangeContext } from '../admin/change-context.js';
import { getOrgContext } from '../org-context.js';

export type QuotaTarget = { subjectType: QuotaSubjectType; subjectId: string; period: string };
export type SetQuotaOptions = ChangeContext &
  QuotaTarget & {
    /** A decimal amount (`250000.00`) in `currency`. */
    amount: string;
    /** Default: the corporate currency. */
    currency?: string;
  };

export type SetQuotaResult = { id: string; changed: boolean };

/**
 * Sets a person's or a team's quota for a fiscal quarter or month (`quota.set`). Setting the amount
 * it already has records nothing.
 */
export async function setQuota(handle: DatabaseHandle, options: SetQuotaOptions): Promise<SetQuotaResult> {
  return runChange(handle, options, async (conn, record) => {
    const org = await getOrgContext(conn);
    await requireSubjectAndPeriod(conn, options);
    const currency = options.currency ?? org.settings.corporateCurrency;
    const known = org.currencies.get(currency);
    if (!known) {
      throw new DomainError('invalid-input', `the organisation has no currency ${currency}`, [
        { where: 'currency', value: currency, reason: 'add the currency in Admin first' },
      ]);
    }
    const parsed = parseAmount(options.amount, known.decimals);
    if (!parsed || parsed.minor < 0n || parsed.rounded) {
      throw new DomainError('invalid-input', `'${options.amount}' is not a quota amount in ${currency}`, [
        {
          where: 'amount',
          value: options.amount,
          reason: `expected a decimal amount, not negative, with at most ${known.decimals} decimals`,
        },
      ]);
    }
    const id = computeQuotaId(options.subjectType, options.subjectId, options.period);
    const current = (await listQuotas(conn, [options.period])).find(
      (q) => q.subjectType === options.subjectType && q.subjectId === options.subjectId,
    );
    if (current && current.amountMinor === parsed.minor && current.currency === currency)
      return { id, changed: false };
    await record([
      {
        entityType: 'quota',
        entityId: id,
        kind: 'quota.set',
        payload: {
          subjectType: options.subjectType,
          subjectId: options.subjectId,
          period: options.period,
          amountMinor: parsed.minor.toString(),
          currency,
        },
      },
    ]);
    return { id, changed: true };
  });
}

export type ClearQuotaOptions = ChangeContext & QuotaTarget;

/** Removes a quota (`quota.cleared`); a team then falls back to the sum of its people's. */
export async function clearQuota(
  handle: DatabaseHandle,
  options: ClearQuotaOptions,
): Promise<SetQuotaResult> {
  return runChange(handle, options, async (conn, record) => {
    const id = computeQuotaId(options.subjectType, options.subjectId, options.period);
    const current = (await listQuotas(conn, [options.period])).find(
      (q) => q.subjectType === options.subjectType && q.subjectId === options.subjectId,
    );
    if (!current) {
      throw new DomainError(
        'not-found',
        `${options.subjectType} ${options.subjectId} has no quota for ${options.period}`,
      );
    }
    await record([{ entityType: 'quota', entityId: id, kind: 'quota.cleared', payload: {} }]);
    return { id, changed: true };
  });
}

async function requireSubjectAndPeriod(conn: Pick<Connection, 'db'>, options: QuotaTarget): Promise<void> {
  if (!isQuotaPeriod(options.period)) {
    throw new DomainError('invalid-input', `'${options.period}' is not a quota period`, [
      {
        where: 'period',
        value: options.period,
        reason: 'expected a fiscal quarter (2026-Q3) or a month (2026-03)',
      },
    ]);
  }
  if (!(await entityIdExists(conn, options.subjectType, options.subjectId))) {
    throw new DomainError('not-found', `there is no ${options.subjectType} '${options.subjectId}'`, [
      { where: 'subjectId', value: options.subjectId, reason: `no ${options.subjectType} has this id` },
    ]);
  }
}
