import type { CsvRow } from '../csv-row.js';
import type { OpportunityValues } from '../opportunity-patch.js';
import { RowReader } from '../row-reader.js';
import type { RowProblem } from '../row-problem.js';
import type { StageObservation } from '../stage-catalog.js';
import {
  competitorColumns,
  customFields,
  firstValue,
  lossReasonColumns,
} from './salesforce-custom-fields.js';
import { salesforceId } from './salesforce-id.js';

/** What an import needs to know about currencies while it reads rows. */
export type CurrencyLookup = {
  corporate: string;
  /** Minor-unit digits of a currency; a code never seen before gets its ISO default. */
  decimals: (code: string) => number;
};

/** One row of Opportunity.csv, read. */
export type SalesforceOpportunity = {
  id: string;
  line: number;
  values: OpportunityValues;
  /** The amount as written, when it had more decimals than its currency and was rounded. */
  amountInput: string | null;
  /** Null when the export has no CreatedDate; the earliest history row then dates the creation. */
  createdAt: Date | null;
  /** When the record last changed (LastModifiedDate, else SystemModstamp). */
  modifiedAt: Date | null;
  stage: StageObservation;
};

/**
 * Reads one Opportunity row with the API field names of a Salesforce export. Only Id and StageName
 * are required; every other column may be missing. A blank Name falls back to the Id.
 */
export function mapSalesforceOpportunity(
  row: CsvRow,
  options: { timeZone: string; currencies: CurrencyLookup },
): { value: SalesforceOpportunity | null; problems: RowProblem[] } {
  const read = new RowReader(row, options.timeZone);
  const id = read.required('Id');
  const stage = read.required('StageName');
  const currency = read.text('CurrencyIsoCode')?.toUpperCase() ?? options.currencies.corporate;
  if (!/^[A-Z]{3}$/.test(currency))
    read.problem('CurrencyIsoCode', currency, 'expected an ISO 4217 code such as USD');
  const amount = read.amount('Amount', options.currencies.decimals(currency));
  const probability01 = read.probability('Probability', true);
  const forecastCategory = read.category('ForecastCategoryName') ?? read.category('ForecastCategory');
  const closeDate = read.day('CloseDate');
  const createdAt = read.instant('CreatedDate');
  const modifiedAt = read.instant('LastModifiedDate') ?? read.instant('SystemModstamp');
  const sortOrder = read.text('StageSortOrder');
  const order = sortOrder !== null && /^\d+$/.test(sortOrder) ? Number(sortOrder) : null;
  const isClosed = read.flag('IsClosed');
  const isWon = read.flag('IsWon');
  if (read.problems.length > 0 || id === null || stage === null)
    return { value: null, problems: read.problems };
  const values: OpportunityValues = {
    name: read.text('Name') ?? id,
    accountId: salesforceId(read.text('AccountId')),
    ownerId: salesforceId(read.text('OwnerId')),
    amountMinor: amount.minor,
    currency,
    stage,
    probability01,
    forecastCategory,
    closeDate,
    createdAt: createdAt ?? new Date(0),
    nextStep: read.text('NextStep'),
    lossReason: firstValue(row, lossReasonColumns),
    competitor: firstValue(row, competitorColumns),
    type: read.text('Type'),
    leadSource: read.text('LeadSource'),
    fields: customFields(row),
  };
  return {
    value: {
      id,
      line: row.line,
      values,
      amountInput: amount.input,
      createdAt,
      modifiedAt,
      stage: { name: stage, order, probability01, forecastCategory, isClosed, isWon },
    },
    problems: [],
  };
}
