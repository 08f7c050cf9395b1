import {
  foldOpportunityTimeline,
  initialPatch,
  type TimelineInput,
  type TimelineItem,
  type TimelineState,
} from '../../../core/import/fold-opportunity-timeline.js';
import { applyOpportunityPatch, completeOpportunityFields } from '../../../core/import/opportunity-patch.js';
import type { SalesforceOpportunity } from '../../../core/import/salesforce/map-salesforce-opportunity.js';
import type { NewEvent } from '../../../core/ledger-event.js';
import type { OpportunityState } from '../../../core/opportunity.js';
import { chunk } from '../../../store/entity-key.js';
import { findOpportunities } from '../../../store/opportunity-queries.js';
import type { Connection } from '../../../store/session.js';
import { currencyDecimals } from '../import-organisation.js';
import { replayStagedHistory, type LedgerSide } from '../replay-staged-history.js';
import type { SalesforceOpportunities } from './read-salesforce-opportunities.js';
import type { SalesforceRun } from './salesforce-run.js';

/**
 * Turns the opportunities and their staged history into ledger events. A new opportunity is created
 * at the earlier of its CreatedDate and its first history row, with the values its history gives
 * for that moment; each history row that changes something becomes a change at its own CreatedDate;
 * a last change at LastModifiedDate brings whatever the history does not track (name, owner, next
 * step…) to the Opportunity row. For an opportunity the ledger already holds, only new rows and the
 * difference to the row are added. Opportunities without history rows come last.
 */
export async function replaySalesforceOpportunities(
  conn: Connection,
  run: SalesforceRun,
  opportunities: SalesforceOpportunities,
  stagedRows: number,
): Promise<void> {
  const seen = await replayStagedHistory(conn, {
    batch: run.batch,
    currencyOf: (id, current) => opportunities.byId.get(id)?.values.currency ?? current?.currency ?? null,
    currencyDecimals: (code) => currencyDecimals(run.org, code),
    plan: (group, ledger) => ({
      ...planSalesforceTimeline(run, group.id, opportunities.byId.get(group.id), group.items, ledger),
      positions: group.positions,
    }),
    stagedRows,
    opportunityColumn: 'OpportunityId',
    onProgress: run.onProgress,
  });
  const rest = [...opportunities.byId.keys()].filter((id) => !seen.has(id));
  for (const ids of chunk(rest, 2_000)) {
    const current = await findOpportunities(conn, ids);
    const events: NewEvent[] = [];
    for (const id of ids) {
      const input = planSalesforceTimeline(run, id, opportunities.byId.get(id), [], {
        current: current.get(id) ?? null,
        events: [],
      });
      for (const event of foldOpportunityTimeline(input)) {
        events.push(run.batch.event({ ...event, entityType: 'opportunity', entityId: id }));
      }
    }
    await run.batch.append(conn, events);
  }
}

function planSalesforceTimeline(
  run: SalesforceRun,
  id: string,
  opportunity: SalesforceOpportunity | undefined,
  items: TimelineItem[],
  ledger: LedgerSide,
): TimelineInput {
  const { batch } = run;
  const stages = run.org.stages;
  const target = (createdAt: Date): TimelineState | null =>
    opportunity
      ? {
          at: opportunity.modifiedAt ?? batch.recordedTime,
          originKey: `sf:Opportunity:${id}:changed@${batch.id}`,
          fields: completeOpportunityFields({ ...opportunity.values, createdAt }, stages),
          amountInput: opportunity.amountInput,
        }
      : null;
  if (ledger.current || !opportunity) {
    const current: OpportunityState | null = ledger.current;
    return {
      id,
      stages,
      existing: ledger.events,
      current,
      creation: null,
      items,
      target: target(opportunity?.createdAt ?? current?.createdAt ?? batch.recordedTime),
    };
  }
  const firstAt = items[0]?.at ?? null;
  const createdAt = opportunity.createdAt ?? firstAt ?? opportunity.modifiedAt ?? batch.recordedTime;
  const final = target(createdAt);
  if (!final) throw new Error('unreachable: an opportunity row always has a target state');
  const initial = initialPatch(items);
  return {
    id,
    stages,
    existing: [],
    creation: {
      at: firstAt && firstAt < createdAt ? firstAt : createdAt,
      originKey: `sf:Opportunity:${id}`,
      fields: applyOpportunityPatch(final.fields, initial.patch, stages),
      amountInput: initial.patch.amountMinor !== undefined ? initial.amountInput : opportunity.amountInput,
    },
    items,
    target: final,
  };
}
