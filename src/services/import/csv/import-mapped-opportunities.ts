import { canonicalJson } from '../../../core/canonical-json.js';
import { startOfDay } from '../../../core/fiscal-calendar.js';
import {
  foldOpportunityTimeline,
  type TimelineInput,
} from '../../../core/import/fold-opportunity-timeline.js';
import {
  mapMappedOpportunity,
  type MappedOpportunity,
} from '../../../core/import/mapping/map-mapped-opportunity.js';
import { applyOpportunityPatch, completeOpportunityFields } from '../../../core/import/opportunity-patch.js';
import type { NewEvent } from '../../../core/ledger-event.js';
import type { OpportunityState } from '../../../core/opportunity.js';
import { chunk } from '../../../store/entity-key.js';
import { findOpportunities } from '../../../store/opportunity-queries.js';
import type { Connection } from '../../../store/session.js';
import { readBatchRows } from '../for-each-row.js';
import { establishOrganisation, useCurrency } from '../import-organisation.js';
import { FirstById, type CsvRun } from './csv-run.js';

/**
 * Opportunities from their current state. A new one is created at its created date as the file
 * describes it; with `closedDealHistory`, a closed one is created open (in the named stage) and
 * closed at the start of its close date, so the pipeline as it stood before shows it. A known one
 * gets one change with whatever differs, at its modified date when mapped (else at the close for
 * a deal the file now closes, with `closedDealHistory`; else now).
 */
export async function importMappedOpportunities(conn: Connection, run: CsvRun): Promise<void> {
  const first = new FirstById();
  const opportunities: MappedOpportunity[] = [];
  for await (const row of readBatchRows(run.batch, run.fileIndex, { onProgress: run.onProgress })) {
    const mapped = mapMappedOpportunity(row, run.context);
    if (!mapped.value) {
      run.batch.reject(run.fileIndex, row, mapped.problems);
      continue;
    }
    const seen = first.check(
      mapped.value.id,
      row.line,
      canonicalJson({
        ...mapped.value.values,
        amountMinor: String(mapped.value.values.amountMinor),
        createdAt: mapped.value.values.createdAt.toISOString(),
      }),
    );
    if (seen.conflictLine !== null) {
      run.batch.reject(run.fileIndex, row, [
        {
          column: 'id',
          value: mapped.value.id,
          reason: `duplicate id: line ${seen.conflictLine} gives this opportunity different values`,
        },
      ]);
    }
    if (seen.duplicate) continue;
    useCurrency(run.org, mapped.value.values.currency);
    opportunities.push(mapped.value);
  }
  await establishOrganisation(conn, run.org, run.batch);
  for (const part of chunk(opportunities, 2_000)) {
    const current = await findOpportunities(
      conn,
      part.map((o) => o.id),
    );
    const events: NewEvent[] = [];
    for (const opportunity of part) {
      for (const event of foldOpportunityTimeline(
        planMapped(run, opportunity, current.get(opportunity.id) ?? null),
      )) {
        events.push(run.batch.event({ ...event, entityType: 'opportunity', entityId: opportunity.id }));
      }
    }
    await run.batch.append(conn, events);
  }
}

function planMapped(
  run: CsvRun,
  opportunity: MappedOpportunity,
  current: OpportunityState | null,
): TimelineInput {
  const { stages, timeZone, mapping } = run.context;
  const base = `${mapping.source}:opportunity:${opportunity.id}`;
  const final = completeOpportunityFields(opportunity.values, stages);
  const reconstruct = mapping.closedDealHistory && final.isClosed ? mapping.closedDealHistory : null;
  const closeAt = (after: Date): Date => {
    const day = final.closeDate ? startOfDay(final.closeDate, timeZone) : after;
    return day > after ? day : after;
  };
  const target = (at: Date) => ({
    at,
    originKey: `${base}:changed@${run.batch.id}`,
    fields: final,
    amountInput: opportunity.amountInput,
  });
  if (current) {
    const closing = reconstruct && !current.isClosed ? closeAt(current.createdAt) : null;
    return {
      id: opportunity.id,
      stages,
      existing: [],
      current,
      creation: null,
      items: [],
      target: target(opportunity.modifiedAt ?? closing ?? run.batch.recordedTime),
    };
  }
  const createdAt = final.createdAt;
  if (!reconstruct) {
    return {
      id: opportunity.id,
      stages,
      existing: [],
      creation: { at: createdAt, originKey: base, fields: final, amountInput: opportunity.amountInput },
      items: [],
      target: null,
    };
  }
  const closedAt = closeAt(createdAt);
  return {
    id: opportunity.id,
    stages,
    existing: [],
    creation: {
      at: createdAt,
      originKey: base,
      fields: applyOpportunityPatch(final, { stage: reconstruct.openStage }, stages),
      amountInput: opportunity.amountInput,
    },
    items: [
      {
        at: closedAt,
        originKey: `${base}:closed`,
        patch: {
          stage: final.stage,
          probability01: final.probability01,
          forecastCategory: final.forecastCategory,
        },
      },
    ],
    target: target(closedAt),
  };
}
