import { parseForecastCategory } from '../../forecast-category.js';
import type { CsvRow } from '../csv-row.js';
import type { HistoryRowData } from '../history-row.js';
import type { OpportunityPatch } from '../opportunity-patch.js';
import { parseImportDay } from '../parse-import-time.js';
import { parseImportAmount, parseProbability } from '../parse-import-values.js';
import { RowReader } from '../row-reader.js';
import type { RowProblem, ValueOutcome } from '../row-problem.js';
import { competitorColumns, lossReasonColumns } from './salesforce-custom-fields.js';
import { isSalesforceIdOf, salesforceId } from './salesforce-id.js';

/** Text fields whose changes map one to one onto opportunity fields. */
const textFields: Record<string, 'name' | 'nextStep' | 'type' | 'leadSource'> = {
  name: 'name',
  nextstep: 'nextStep',
  type: 'type',
  leadsource: 'leadSource',
};
const competitor = new Set(competitorColumns.map((c) => c.toLowerCase()));
const lossReason = new Set(lossReasonColumns.map((c) => c.toLowerCase()));

/** What a value of a tracked field states; `skip` for fields (or values) Candor does not keep. */
type Stated = ValueOutcome<OpportunityPatch> | 'skip';

function statedPatch(field: string, text: string): Stated {
  const key = field.toLowerCase();
  const trimmed = text.trim();
  const value = trimmed === '' ? null : trimmed;
  const ok = (patch: OpportunityPatch): Stated => ({ ok: true, value: patch });
  if (key === 'stagename') return value ? ok({ stage: value }) : 'skip';
  if (key === 'closedate') {
    if (value === null) return ok({ closeDate: null });
    const day = parseImportDay(text);
    return day.ok ? ok({ closeDate: day.value }) : day;
  }
  if (key === 'probability') {
    const probability = parseProbability(text, true);
    return probability.ok ? ok({ probability01: probability.value }) : probability;
  }
  if (key === 'forecastcategoryname' || key === 'forecastcategory') {
    const category = value ? parseForecastCategory(value) : null;
    return category
      ? ok({ forecastCategory: category })
      : { ok: false, reason: 'expected a forecast category' };
  }
  // Owner and account changes come twice, as ids and as names: the ids are what Candor links.
  if (key === 'owner' || key === 'ownerid')
    return value && isSalesforceIdOf(value, 'user') ? ok({ ownerId: value }) : 'skip';
  if (key === 'account' || key === 'accountid') {
    return value === null || isSalesforceIdOf(value, 'account')
      ? ok({ accountId: salesforceId(value) })
      : 'skip';
  }
  const textField = textFields[key];
  if (textField) return textField === 'name' && value === null ? 'skip' : ok({ [textField]: value });
  if (competitor.has(key)) return ok({ competitor: value });
  if (lossReason.has(key)) return ok({ lossReason: value });
  if (key === 'description' || key.endsWith('__c')) {
    return ok({ fields: { [key === 'description' ? 'description' : field]: text === '' ? null : text } });
  }
  return 'skip';
}

/**
 * Reads one OpportunityFieldHistory row (Field, OldValue, NewValue at CreatedDate): what the field
 * became, and what it was (which dates the deal's values at creation). Amounts are kept as text
 * until the deal's currency is known; an old amount is not used. Fields Candor does not keep, and
 * Salesforce's own markers such as `created`, are skipped: value null, no problem.
 */
export function mapSalesforceFieldHistory(
  row: CsvRow,
  timeZone: string,
): { value: HistoryRowData | null; problems: RowProblem[] } {
  const read = new RowReader(row, timeZone);
  if (read.flag('IsDeleted') === true) return { value: null, problems: [] };
  const id = read.required('Id');
  const opportunityId = salesforceId(read.required('OpportunityId'));
  const at = read.instant('CreatedDate', { required: true });
  const field = read.required('Field') ?? '';
  const newValue = read.raw('NewValue') ?? '';
  const data: Partial<HistoryRowData> = {};
  let stated = false;
  if (field.toLowerCase() === 'amount') {
    stated = read.take('NewValue', newValue, parseImportAmount(newValue, 4)) !== null;
    if (stated) data.amountText = newValue;
    data.previous = {};
  } else {
    const next = statedPatch(field, newValue);
    if (next !== 'skip') {
      if (!next.ok) read.problem('NewValue', newValue, next.reason);
      else {
        stated = true;
        const { stage, closeDate, probability01, forecastCategory, ...other } = next.value;
        Object.assign(data, { stage, closeDate, probability01, forecastCategory });
        if (Object.keys(other).length > 0) data.other = other;
        const before = statedPatch(field, read.raw('OldValue') ?? '');
        data.previous = before !== 'skip' && before.ok ? before.value : {};
      }
    }
  }
  if (read.problems.length > 0 || !id || !opportunityId || !at)
    return { value: null, problems: read.problems };
  if (!stated) return { value: null, problems: [] };
  return {
    value: {
      ...data,
      opportunityId,
      at,
      originKey: `sf:OpportunityFieldHistory:${id}`,
      duplicates: 'reject',
    },
    problems: [],
  };
}
