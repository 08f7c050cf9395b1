import type { TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import { asOfFileName } from './as-of-file-name.js';
import { yesNo } from './export-admin-users.js';
import { listAdminCurrencies, type AdminCurrency } from './save-currency.js';

/** One rate of a currency from its day on; a currency without a rate has one row with neither. */
type RateRow = { currency: AdminCurrency; rate: AdminCurrency['rates'][number] | null };

/**
 * The currencies the Currencies tab shows (GET /api/admin/currencies) as a CSV or XLSX file: one
 * row per rate, oldest first, with the day it applies from; the corporate currency, which has no
 * rate (it is the unit of the others), and a currency not given one yet have one row each.
 */
export async function exportAdminCurrencies(
  handle: DatabaseHandle,
  options: { format: TableFormat; now: Date },
): Promise<TableDownload> {
  const { corporateCurrency, currencies } = await listAdminCurrencies(handle);
  const columns: TableColumn<RateRow>[] = [
    { header: 'currency', kind: 'text', value: (r) => r.currency.code, width: 10 },
    { header: 'decimals', kind: 'integer', value: (r) => r.currency.decimals, width: 8 },
    { header: 'corporate', kind: 'text', value: (r) => yesNo(r.currency.isCorporate), width: 10 },
    { header: 'valid from', kind: 'day', value: (r) => r.rate?.validFrom ?? null },
    {
      header: `rate (${corporateCurrency} for one unit)`,
      kind: 'decimal',
      value: (r) => r.rate?.rate ?? null,
      width: 22,
    },
  ];
  return tableDownload({
    name: asOfFileName('currencies', options.now),
    format: options.format,
    sheetName: 'Currencies',
    columns,
    rows: currencies.flatMap((currency): RateRow[] =>
      currency.rates.length === 0
        ? [{ currency, rate: null }]
        : currency.rates.map((rate) => ({ currency, rate })),
    ),
  });
}
