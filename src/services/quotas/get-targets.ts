import {
  defaultTargets,
  resolveTarget,
  targetIndicatorNames,
  targetIndicators,
  type TargetIndicator,
} from '../../core/quotas/indicator-targets.js';
import { roles, type Role } from '../../core/org-entities.js';
import { listIndicatorTargets } from '../../store/quota-queries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';

export type TargetReport = {
  targets: {
    role: Role;
    indicator: TargetIndicator;
    label: string;
    unit: string;
    value: string;
    source: 'set' | 'default';
    defaultValue: string;
  }[];
};

/** Every role's target for every indicator: what an admin set, else the stated default. */
export async function getTargets(handle: DatabaseHandle): Promise<TargetReport> {
  return withConnection(handle, async (conn) => {
    const set = await listIndicatorTargets(conn);
    return {
      targets: roles.flatMap((role) =>
        targetIndicatorNames.map((indicator) => {
          const target = resolveTarget(set, role, indicator);
          return {
            role,
            indicator,
            label: targetIndicators[indicator].label,
            unit: targetIndicators[indicator].unit,
            value: String(target.value),
            source: target.source,
            defaultValue: String(defaultTargets[indicator]),
          };
        }),
      ),
    };
  });
}
