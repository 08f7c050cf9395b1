import type { CsvRow } from '../../../core/import/csv-row.js';
import {
  mapSalesforceQuota,
  type SalesforceQuotaRow,
} from '../../../core/import/salesforce/map-salesforce-quota.js';
import { assignQuotaPeriods } from '../../../core/quotas/assign-quota-periods.js';
import { computeQuotaId } from '../../../core/quotas/quota.js';
import type { Connection } from '../../../store/session.js';
import { recordImportedQuotas, type ImportedQuota } from '../../quotas/record-imported-quotas.js';
import { readBatchRows } from '../for-each-row.js';
import { currencyDecimals } from '../import-organisation.js';
import { upsertUsers } from '../upsert-records.js';
import type { UserDirectory } from './import-salesforce-people.js';
import type { SalesforceRun } from './salesforce-run.js';

/**
 * ForecastingQuota rows become people's quotas (see mapSalesforceQuota for the rows skipped, and
 * assignQuotaPeriods for months versus quarters). An owner the export does not describe becomes a
 * placeholder user, as for deals. Two rows for one owner and period: an identical repeat counts
 * once, a different amount is rejected.
 */
export async function importSalesforceQuotas(
  conn: Connection,
  run: SalesforceRun,
  users: UserDirectory,
): Promise<void> {
  const fileIndex = run.fileOf.get('ForecastingQuota');
  if (fileIndex === undefined) return;
  const rows: { quota: SalesforceQuotaRow; row: CsvRow }[] = [];
  const settings = run.org.settings;
  for await (const row of readBatchRows(run.batch, fileIndex, {
    requiredColumns: ['QuotaOwnerId', 'StartDate'],
    onProgress: run.onProgress,
    progressOffset: run.progress,
  })) {
    const mapped = mapSalesforceQuota(row, {
      timeZone: settings.timeZone,
      corporateCurrency: settings.corporateCurrency,
      currencyDecimals: (code) => currencyDecimals(run.org, code),
    });
    if (mapped.value) rows.push({ quota: mapped.value, row });
    else if (mapped.problems.length > 0) run.batch.reject(fileIndex, row, mapped.problems);
  }
  const periods = assignQuotaPeriods(
    settings,
    rows.map((r) => r.quota.startDate),
  );
  const items = new Map<string, ImportedQuota<CsvRow>>();
  for (const { quota, row } of rows) {
    const period = periods.periodOf(quota.startDate);
    const id = computeQuotaId('user', quota.ownerId, period);
    const first = items.get(id);
    if (first) {
      if (first.quota.amountMinor !== quota.amountMinor || first.quota.currency !== quota.currency) {
        run.batch.reject(fileIndex, row, [
          {
            column: 'QuotaAmount',
            value: String(quota.amountMinor),
            reason: `line ${first.row.line} gives this owner another quota for ${period}`,
          },
        ]);
      }
      continue;
    }
    items.set(id, {
      id,
      row,
      quota: {
        subjectType: 'user',
        subjectId: quota.ownerId,
        period,
        amountMinor: quota.amountMinor,
        currency: quota.currency,
        modifiedAt: quota.modifiedAt,
      },
    });
  }
  const placeholders = await users.placeholdersFor(
    conn,
    [...items.values()].map((i) => i.quota.subjectId),
  );
  await upsertUsers(conn, run.batch, placeholders, () => false);
  await recordImportedQuotas(conn, {
    batch: run.batch,
    source: 'sf',
    items: [...items.values()],
    onUnknownSubject: ({ row, quota }) =>
      run.batch.reject(fileIndex, row, [
        { column: 'QuotaOwnerId', value: quota.subjectId, reason: 'no user has this id' },
      ]),
  });
}
