import { mapMappedQuota, type MappedQuota } from '../../core/quotas/map-mapped-quota.js';
import { computeQuotaId } from '../../core/quotas/quota.js';
import type { CsvRow } from '../../core/import/csv-row.js';
import type { Connection } from '../../store/session.js';
import type { CsvRun } from '../import/csv/csv-run.js';
import { readBatchRows } from '../import/for-each-row.js';
import { recordImportedQuotas } from './record-imported-quotas.js';

type Pending = { quota: MappedQuota; id: string; row: CsvRow };

/**
 * `candor import csv quotas <file> --mapping <m>`: one `quota.set` per row whose person or team
 * exists (else the row is rejected: import the people first) and whose amount differs from the
 * quota the ledger holds, at the row's modified date when mapped. Rows repeating a subject and
 * period: an identical repeat counts once, a different one is rejected. Re-importing adds nothing.
 */
export async function importMappedQuotas(conn: Connection, run: CsvRun): Promise<void> {
  const calendar = run.org.settings;
  const pending = new Map<string, Pending>();
  for await (const row of readBatchRows(run.batch, run.fileIndex, { onProgress: run.onProgress })) {
    const mapped = mapMappedQuota(row, run.context, calendar);
    if (!mapped.value) {
      run.batch.reject(run.fileIndex, row, mapped.problems);
      continue;
    }
    const quota = mapped.value;
    if (
      !run.org.currencies.has(quota.currency) &&
      !run.org.newCurrencies.some((c) => c.code === quota.currency)
    ) {
      run.batch.reject(run.fileIndex, row, [
        {
          column: columnOf(run, 'currency'),
          value: quota.currency,
          reason: `the organisation has no currency ${quota.currency}: add it in Admin first`,
        },
      ]);
      continue;
    }
    const id = computeQuotaId(quota.subjectType, quota.subjectId, quota.period);
    const first = pending.get(id);
    if (first) {
      if (first.quota.amountMinor !== quota.amountMinor || first.quota.currency !== quota.currency) {
        run.batch.reject(run.fileIndex, row, [
          {
            column: null,
            value: quota.period,
            reason: `line ${first.row.line} gives ${quota.subjectId} another quota for ${quota.period}`,
          },
        ]);
      }
      continue;
    }
    pending.set(id, { quota, id, row });
  }
  await recordImportedQuotas(conn, {
    batch: run.batch,
    source: run.context.mapping.source,
    items: [...pending.values()],
    onUnknownSubject: ({ quota, row }) =>
      run.batch.reject(run.fileIndex, row, [
        {
          column: columnOf(run, quota.subjectType === 'user' ? 'ownerId' : 'teamId'),
          value: quota.subjectId,
          reason: `no ${quota.subjectType === 'user' ? 'person' : 'team'} has the id ${quota.subjectId}: import them first`,
        },
      ]),
  });
}

function columnOf(run: CsvRun, field: string): string | null {
  const spec = run.context.mapping.fields[field];
  return spec?.column ?? null;
}
