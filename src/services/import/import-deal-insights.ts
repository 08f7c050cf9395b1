import { planImportedDealInsights } from '../../core/insights/plan-imported-deal-insights.js';
import type { NewEvent } from '../../core/ledger-event.js';
import { listDealFieldsSetByBatch, listLiveDealInsights } from '../../store/insight-import-records.js';
import type { Connection } from '../../store/session.js';
import type { ImportBatch } from './import-batch.js';

const dealsPerPage = 2_000;

/**
 * After a deal import: the loss reasons and competitors its events set become insights on the
 * deals (src/core/insights/plan-imported-deal-insights.ts), a page of deals at a time. Only deals
 * whose fields this batch set are read, so a re-import that changes nothing adds nothing here either.
 */
export async function importDealInsights(
  conn: Connection,
  batch: ImportBatch,
  options: { timeZone: string },
): Promise<void> {
  let afterId = '';
  let withoutAccount = 0;
  for (;;) {
    const deals = await listDealFieldsSetByBatch(conn, { batchId: batch.id, afterId, limit: dealsPerPage });
    const last = deals.at(-1);
    if (!last) break;
    afterId = last.id;
    const live = await listLiveDealInsights(
      conn,
      deals.map((d) => d.id),
    );
    const events: NewEvent[] = [];
    for (const deal of deals) {
      if (deal.accountId === null && (deal.lossReason || deal.competitor)) withoutAccount += 1;
      const plan = planImportedDealInsights({
        deal,
        live: live.get(deal.id) ?? [],
        batchId: batch.id,
        now: batch.recordedTime,
        timeZone: options.timeZone,
      });
      for (const item of plan.withdraw) {
        events.push(
          batch.event({
            businessTime: item.at,
            entityType: 'insight',
            entityId: item.id,
            kind: 'insight.withdrawn',
            payload: { reason: 'the deal field no longer says so' },
            originKey: `import:${batch.id}:insight:${item.id}:withdrawn`,
          }),
        );
      }
      for (const item of plan.capture) {
        events.push(
          batch.event({
            businessTime: new Date(item.record.capturedAt),
            entityType: 'insight',
            entityId: item.id,
            kind: 'insight.captured',
            payload: item.record,
            originKey: item.originKey,
          }),
        );
      }
    }
    await batch.append(conn, events);
  }
  if (withoutAccount > 0) {
    batch.notes.push(
      `${withoutAccount} deal(s) with a loss reason or competitor have no account: their fields count in the summaries, but no insight was recorded`,
    );
  }
}
