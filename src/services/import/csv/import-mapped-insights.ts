import { canonicalJson } from '../../../core/canonical-json.js';
import { isDomainError } from '../../../core/domain-error.js';
import type { InsightState } from '../../../core/insights/apply-insight-event.js';
import type { InsightRecord } from '../../../core/insights/insight.js';
import { planInsightCapture } from '../../../core/insights/plan-insight-capture.js';
import { mapMappedInsight, type MappedInsightRow } from '../../../core/import/mapping/map-mapped-insight.js';
import { planRecordEvent } from '../../../core/import/plan-record-event.js';
import { specColumn } from '../../../core/import/mapping/read-mapped-value.js';
import type { RowProblem } from '../../../core/import/row-problem.js';
import type { NewEvent } from '../../../core/ledger-event.js';
import { findAccounts, findUsers } from '../../../store/import-records.js';
import { findInsights } from '../../../store/insight-import-records.js';
import { findOpportunities } from '../../../store/opportunity-queries.js';
import type { Connection } from '../../../store/session.js';
import { readBatchRows } from '../for-each-row.js';
import { FirstById, type CsvRun } from './csv-run.js';

const insightsPerAppend = 2_000;

type PendingInsight = { row: MappedInsightRow; place: { line: number; byteStart: number; byteEnd: number } };

/**
 * Insights from a CSV (`candor import csv insights`): each row becomes the `insight.captured` a
 * person would record, checked by the same rules (src/core/insights/plan-insight-capture.ts): the
 * deal gives the account, a competitor mention names the competitor, others say something. The
 * deal, account and author must be in Candor; the time is `capturedAt`, else the import's. A row
 * that changed since the last import becomes `insight.changed`; the same row adds nothing.
 */
export async function importMappedInsights(conn: Connection, run: CsvRun): Promise<void> {
  const first = new FirstById();
  let pending: PendingInsight[] = [];
  for await (const row of readBatchRows(run.batch, run.fileIndex, { onProgress: run.onProgress })) {
    const mapped = mapMappedInsight(row, run.context);
    if (!mapped.value) {
      run.batch.reject(run.fileIndex, row, mapped.problems);
      continue;
    }
    const content = canonicalJson({
      ...mapped.value,
      capturedAt: mapped.value.capturedAt?.toISOString() ?? null,
    });
    const seen = first.check(mapped.value.id, row.line, content);
    if (seen.conflictLine !== null) {
      run.batch.reject(run.fileIndex, row, [
        {
          column: column(run, 'id'),
          value: mapped.value.id,
          reason: `duplicate id: line ${seen.conflictLine} gives this insight different values`,
        },
      ]);
    }
    if (seen.duplicate) continue;
    pending.push({
      row: mapped.value,
      place: { line: row.line, byteStart: row.byteStart, byteEnd: row.byteEnd },
    });
    if (pending.length >= insightsPerAppend) pending = await flush(conn, run, pending);
  }
  await flush(conn, run, pending);
}

async function flush(
  conn: Connection,
  run: CsvRun,
  pending: readonly PendingInsight[],
): Promise<PendingInsight[]> {
  const ids = (pick: (r: MappedInsightRow) => string | null) => [
    ...new Set(pending.map((p) => pick(p.row)).filter((id): id is string => id !== null)),
  ];
  const deals = await findOpportunities(
    conn,
    ids((r) => r.opportunityId),
  );
  const accounts = await findAccounts(
    conn,
    ids((r) => r.accountId ?? deals.get(r.opportunityId ?? '')?.accountId ?? null),
  );
  const authors = await findUsers(
    conn,
    ids((r) => r.authorId),
  );
  const existing = await findInsights(
    conn,
    ids((r) => r.id),
  );
  const events: NewEvent[] = [];
  for (const { row, place } of pending) {
    const problems: RowProblem[] = [];
    const deal = row.opportunityId === null ? null : (deals.get(row.opportunityId) ?? null);
    if (row.opportunityId !== null && !deal)
      problems.push(missing(run, 'opportunityId', row.opportunityId, 'deal', 'opportunities'));
    if (row.authorId !== null && !authors.has(row.authorId))
      problems.push(missing(run, 'authorId', row.authorId, 'user', 'users'));
    let record: InsightRecord | null = null;
    if (problems.length === 0) {
      try {
        record = planInsightCapture({
          input: { ...row, capturedAt: row.capturedAt ?? run.batch.recordedTime },
          deal: deal ? { id: deal.id, accountId: deal.accountId } : null,
          authorId: row.authorId,
          now: run.batch.recordedTime,
        });
      } catch (error) {
        if (!isDomainError(error)) throw error;
        for (const detail of error.details)
          problems.push({
            column: column(run, detail.where ?? 'type'),
            value: detail.value ?? '',
            reason: detail.reason,
          });
      }
    }
    if (record && !accounts.has(record.accountId))
      problems.push(missing(run, 'accountId', record.accountId, 'account', 'accounts'));
    if (!record || problems.length > 0) {
      run.batch.reject(run.fileIndex, place, problems);
      continue;
    }
    const before = existing.get(row.id);
    const plan = planRecordEvent(before ? withoutState(before) : null, record);
    if (!plan) continue;
    const created = plan.change === 'created';
    events.push(
      run.batch.event({
        businessTime: created ? new Date(record.capturedAt) : run.batch.recordedTime,
        entityType: 'insight',
        entityId: row.id,
        kind: created ? 'insight.captured' : 'insight.changed',
        payload: plan.payload,
        originKey: created ? row.originKey : `${row.originKey}:changed@${run.batch.id}`,
      }),
    );
  }
  await run.batch.append(conn, events);
  return [];
}

function withoutState(state: InsightState & { id: string }): InsightRecord {
  const { withdrawn: _withdrawn, id: _id, ...record } = state;
  return record;
}

function missing(run: CsvRun, key: string, value: string, what: string, file: string): RowProblem {
  return {
    column: column(run, key),
    value,
    reason: `no ${what} ${value} in Candor: import the ${file} first`,
  };
}

function column(run: CsvRun, key: string): string {
  const spec = run.context.mapping.fields[key];
  return spec ? specColumn(spec) : key;
}
