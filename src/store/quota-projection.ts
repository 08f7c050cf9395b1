import { applyQuotaEvents } from '../core/quotas/apply-quota-events.js';
import { applyTargetEvents } from '../core/quotas/indicator-targets.js';
import { compareBusinessOrder } from '../core/opportunity-history.js';
import type { LedgerEvent } from '../core/ledger-event.js';
import type { ProjectionRow, ProjectionTable } from './projection-tables.js';

type EventForProjection = Pick<LedgerEvent, 'entityId' | 'kind' | 'payload' | 'businessTime' | 'seq'>;

const setAtRead = `to_char(set_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Quotas by subject and period (migration 0009). */
export const quotaProjectionTables: readonly ProjectionTable[] = [
  {
    name: 'quotas',
    entityColumn: 'id',
    columns: [
      { name: 'id', read: 'id' },
      { name: 'subject_type', read: 'subject_type' },
      { name: 'subject_id', read: 'subject_id' },
      { name: 'period', read: 'period' },
      { name: 'amount_minor', read: 'amount_minor::text' },
      { name: 'currency', read: 'currency' },
      { name: 'set_at', read: setAtRead },
    ],
  },
];

/** Indicator targets by role (migration 0009). */
export const targetProjectionTables: readonly ProjectionTable[] = [
  {
    name: 'indicator_targets',
    entityColumn: 'id',
    columns: [
      { name: 'id', read: 'id' },
      { name: 'role', read: 'role' },
      { name: 'indicator', read: 'indicator' },
      { name: 'value', read: 'value' },
      { name: 'set_at', read: setAtRead },
    ],
  },
];

export function projectQuota(
  id: string,
  events: readonly EventForProjection[],
): Record<string, ProjectionRow[]> {
  const state = applyQuotaEvents([...events].sort(compareBusinessOrder));
  if (!state) return {};
  return {
    quotas: [
      {
        id,
        subject_type: state.subjectType,
        subject_id: state.subjectId,
        period: state.period,
        amount_minor: state.amountMinor.toString(),
        currency: state.currency,
        set_at: state.setAt.toISOString(),
      },
    ],
  };
}

export function projectTarget(
  id: string,
  events: readonly EventForProjection[],
): Record<string, ProjectionRow[]> {
  const state = applyTargetEvents([...events].sort(compareBusinessOrder));
  if (!state) return {};
  return {
    indicator_targets: [
      {
        id,
        role: state.role,
        indicator: state.indicator,
        value: state.value,
        set_at: state.setAt.toISOString(),
      },
    ],
  };
}
