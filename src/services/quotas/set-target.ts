import { DomainError } from '../../core/domain-error.js';
import {
  computeTargetId,
  targetIndicators,
  type TargetIndicator,
} from '../../core/quotas/indicator-targets.js';
import type { Role } from '../../core/org-entities.js';
import { listIndicatorTargets } from '../../store/quota-queries.js';
import type { DatabaseHandle } from '../../store/session.js';
import { runChange, type ChangeContext } from '../admin/change-context.js';

export type SetTargetOptions = ChangeContext & {
  role: Role;
  indicator: TargetIndicator;
  /** A decimal number; null clears the target (the default applies again). */
  value: string | null;
};

/** Sets (`target.set`) or clears (`target.cleared`) the target of an indicator for a role. */
export async function setTarget(
  handle: DatabaseHandle,
  options: SetTargetOptions,
): Promise<{ changed: boolean }> {
  return runChange(handle, options, async (conn, record) => {
    const id = computeTargetId(options.role, options.indicator);
    const current = (await listIndicatorTargets(conn)).find(
      (t) => t.role === options.role && t.indicator === options.indicator,
    );
    if (options.value === null) {
      if (!current) return { changed: false };
      await record([{ entityType: 'target', entityId: id, kind: 'target.cleared', payload: {} }]);
      return { changed: true };
    }
    const value = options.value.trim();
    const number = Number(value);
    if (
      !/^\d+(\.\d+)?$/.test(value) ||
      (targetIndicators[options.indicator].unit === 'share' && number > 1)
    ) {
      throw new DomainError('invalid-input', `'${options.value}' is not a target for ${options.indicator}`, [
        {
          where: 'value',
          value: options.value,
          reason:
            targetIndicators[options.indicator].unit === 'share'
              ? 'expected a share between 0 and 1 (0.25 for 25 %)'
              : 'expected a decimal number that is not negative',
        },
      ]);
    }
    if (current && Number(current.value) === number) return { changed: false };
    await record([
      {
        entityType: 'target',
        entityId: id,
        kind: 'target.set',
        payload: { role: options.role, indicator: options.indicator, value },
      },
    ]);
    return { changed: true };
  });
}
