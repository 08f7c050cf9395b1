import { cell, type CsvRow } from '../csv-row.js';

/** Custom fields that hold a deal's competitor or loss reason in common Salesforce set-ups. */
export const competitorColumns = [
  'MainCompetitors__c',
  'Competitor__c',
  'Competitors__c',
  'Primary_Competitor__c',
];
export const lossReasonColumns = [
  'Loss_Reason__c',
  'LossReason__c',
  'Lost_Reason__c',
  'Reason_Lost__c',
  'Closed_Lost_Reason__c',
];
const claimed = new Set([...competitorColumns, ...lossReasonColumns].map((c) => c.toLowerCase()));

/** The first non-blank value among candidate columns. */
export function firstValue(row: CsvRow, columns: readonly string[]): string | null {
  for (const column of columns) {
    const value = cell(row, column)?.trim();
    if (value) return value;
  }
  return null;
}

/**
 * The supporting information a row carries: its description and every non-blank custom field
 * (`…__c`, by API name), text kept as written (HTML and line breaks included).
 */
export function customFields(row: CsvRow): Record<string, string> {
  const fields: Record<string, string> = {};
  row.header.columns.forEach((column, position) => {
    const isCustom = column.endsWith('__c') && !claimed.has(column.toLowerCase());
    if (!isCustom && column !== 'Description') return;
    const value = row.fields[position] ?? '';
    if (value.trim() !== '') fields[column === 'Description' ? 'description' : column] = value;
  });
  return fields;
}
