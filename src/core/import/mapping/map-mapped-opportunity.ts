import { createHash } from 'node:crypto';
import { canonicalJson } from '../../canonical-json.js';
import type { CsvRow } from '../csv-row.js';
import type { HistoryRowData } from '../history-row.js';
import type { OpportunityPatch, OpportunityValues } from '../opportunity-patch.js';
import { parseImportAmount } from '../parse-import-values.js';
import type { RowProblem } from '../row-problem.js';
import { MappedRowReader, type MappingContext } from './mapped-row-reader.js';

type Mapped<T> = { value: T | null; problems: RowProblem[] };

export type MappedOpportunity = {
  id: string;
  values: OpportunityValues;
  amountInput: string | null;
  modifiedAt: Date | null;
};

/** One row of an opportunities file through its mapping. The name defaults to the id. */
export function mapMappedOpportunity(row: CsvRow, context: MappingContext): Mapped<MappedOpportunity> {
  const read = new MappedRowReader(row, context);
  const id = read.text('id', { required: true });
  const stage = read.stage('stage', true);
  const currency = read.currency('currency');
  const amount = read.amount('amount', context.currencyDecimals(currency));
  const values = {
    name: read.text('name', { keepText: true }),
    accountId: read.text('accountId'),
    ownerId: read.text('ownerId'),
    probability01: read.probability('probability'),
    forecastCategory: read.category('forecastCategory'),
    closeDate: read.day('closeDate'),
    createdAt: read.instant('createdAt', true),
    nextStep: read.text('nextStep', { keepText: true }),
    lossReason: read.text('lossReason', { keepText: true }),
    competitor: read.text('competitor'),
    type: read.text('type'),
    leadSource: read.text('leadSource'),
    fields: read.customFields(),
  };
  const modifiedAt = read.instant('modifiedAt');
  if (read.problems.length > 0 || !id || !stage || !values.createdAt)
    return { value: null, problems: read.problems };
  return {
    value: {
      id: context.mapping.idPrefix + id,
      values: {
        ...values,
        name: values.name ?? id,
        createdAt: values.createdAt,
        amountMinor: amount.minor,
        currency,
        stage,
      },
      amountInput: amount.input,
      modifiedAt,
    },
    problems: [],
  };
}

const textKeys = [
  'name',
  'accountId',
  'ownerId',
  'nextStep',
  'lossReason',
  'competitor',
  'type',
  'leadSource',
] as const;

/**
 * One row of a history file: a snapshot of the deal at `at`, stating only the fields the mapping
 * maps. Its origin key comes from its id when it has one (a repeated id is then rejected), else from
 * its content (an identical row is then dropped).
 */
export function mapMappedHistory(row: CsvRow, context: MappingContext): Mapped<HistoryRowData> {
  const read = new MappedRowReader(row, context);
  const opportunityId = read.text('opportunityId', { required: true });
  const at = read.instant('at', true);
  const id = read.text('id');
  const data: Partial<HistoryRowData> = {};
  if (read.has('stage')) data.stage = read.stage('stage', true) ?? undefined;
  if (read.has('amount')) {
    const text = read.text('amount') ?? '';
    if (read.problems.length === 0 && !parseImportAmount(text, 4).ok)
      read.problem('amount', text, 'expected a decimal number such as 1234.50');
    data.amountText = text;
  }
  if (read.has('currency')) data.currency = read.currency('currency');
  if (read.has('closeDate')) data.closeDate = read.day('closeDate');
  if (read.has('probability')) data.probability01 = read.probability('probability');
  if (read.has('forecastCategory')) data.forecastCategory = read.category('forecastCategory') ?? undefined;
  const other: OpportunityPatch = {};
  for (const key of textKeys) {
    if (!read.has(key)) continue;
    const value = read.text(key, { keepText: key === 'name' || key === 'nextStep' });
    if (value !== null || key !== 'name') (other as Record<string, string | null>)[key] = value;
  }
  const fields = read.customFields();
  if (Object.keys(fields).length > 0) other.fields = fields;
  if (Object.keys(other).length > 0) data.other = other;
  if (read.problems.length > 0 || !opportunityId || !at) return { value: null, problems: read.problems };
  const source = `${context.mapping.source}:history`;
  const content = createHash('sha256')
    .update(canonicalJson({ ...data, opportunityId, at: at.toISOString() }))
    .digest('hex');
  return {
    value: {
      ...data,
      opportunityId: context.mapping.idPrefix + opportunityId,
      at,
      originKey: id ? `${source}:${context.mapping.idPrefix}${id}` : `${source}:${content.slice(0, 32)}`,
      duplicates: id ? 'reject' : 'drop',
    },
    problems: [],
  };
}
