import type { ForecastCategory } from '../forecast-category.js';
import type { OpportunityPatch } from './opportunity-patch.js';
import { parseImportAmount } from './parse-import-values.js';
import type { SourcePosition, TimelineItem } from './fold-opportunity-timeline.js';

/**
 * One history row of an opportunity as it waits in the staging table: what the row states, already
 * validated. Undefined means "not stated"; the amount stays text until the opportunity's currency
 * (and so its minor unit) is known.
 */
export type HistoryRowData = {
  opportunityId: string;
  at: Date;
  originKey: string;
  /** What to do with a second row of the same origin key: reject it (same source id) or drop it (same content). */
  duplicates: 'reject' | 'drop';
  stage?: string | undefined;
  /** Amount as written; '' states a blank amount. */
  amountText?: string | undefined;
  currency?: string | undefined;
  closeDate?: string | null | undefined;
  probability01?: number | null | undefined;
  forecastCategory?: ForecastCategory | undefined;
  /** Anything else the row states (name, owner, next step, supporting information); text values only. */
  other?: OpportunityPatch | undefined;
  /** For a change of single fields: what they were before it (text values only), where the source says. */
  previous?: OpportunityPatch | undefined;
};

/** Turns a staged row into a timeline item, with its amount in the opportunity's currency. */
export function historyRowToItem(
  row: HistoryRowData,
  currencyDecimals: (code: string) => number,
  currency: string,
  position?: SourcePosition,
): TimelineItem {
  const patch: OpportunityPatch = { ...row.other };
  if (row.stage !== undefined) patch.stage = row.stage;
  if (row.closeDate !== undefined) patch.closeDate = row.closeDate;
  if (row.probability01 !== undefined) patch.probability01 = row.probability01;
  if (row.forecastCategory !== undefined) patch.forecastCategory = row.forecastCategory;
  if (row.currency !== undefined) patch.currency = row.currency;
  let amountInput: string | null = null;
  if (row.amountText !== undefined) {
    const parsed = parseImportAmount(row.amountText, currencyDecimals(row.currency ?? currency));
    // The text was validated when it was staged, so it parses.
    if (parsed.ok) {
      patch.amountMinor = parsed.value.minor;
      amountInput = parsed.value.input;
    }
  }
  return { at: row.at, originKey: row.originKey, patch, previous: row.previous, amountInput, position };
}
