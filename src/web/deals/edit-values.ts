import type { OpportunityEdit } from '../../api/opportunity-edit.js';
import { categories } from '../format/contract-values.js';

/** The deal fields that can be edited in a table cell or on the deal page. */
export type EditableField = 'stage' | 'amount' | 'closeDate' | 'forecastCategory' | 'nextStep';

export const fieldLabels: Record<EditableField, string> = {
  stage: 'stage',
  amount: 'amount',
  closeDate: 'close date',
  forecastCategory: 'forecast category',
  nextStep: 'next step',
};

export type ParsedEdit = { ok: true; edit: OpportunityEdit } | { ok: false; message: string };

/**
 * Turns what was typed into the edit the API takes, or says what is wrong before sending. Amounts
 * may be typed with thousands separators ("125,000.50"); an empty amount or next step clears it;
 * the category "" returns the deal to its stage's default.
 */
export function parseEdit(field: EditableField, draft: string): ParsedEdit {
  const text = draft.trim();
  switch (field) {
    case 'stage':
      return text ? { ok: true, edit: { stage: text } } : { ok: false, message: 'Choose a stage.' };
    case 'amount': {
      if (text === '') return { ok: true, edit: { amount: null } };
      const plain = text.replace(/[\s,]/g, '');
      return /^-?\d+(\.\d+)?$/.test(plain)
        ? { ok: true, edit: { amount: plain } }
        : { ok: false, message: 'Type an amount such as 125000 or 125,000.50.' };
    }
    case 'closeDate':
      return /^\d{4}-\d{2}-\d{2}$/.test(text)
        ? { ok: true, edit: { closeDate: text } }
        : { ok: false, message: 'Pick a close date.' };
    case 'forecastCategory': {
      if (text === '') return { ok: true, edit: { forecastCategory: null } };
      const category = categories.find((c) => c === text);
      return category
        ? { ok: true, edit: { forecastCategory: category } }
        : { ok: false, message: 'Choose a category.' };
    }
    case 'nextStep':
      return { ok: true, edit: { nextStep: text === '' ? null : text } };
  }
}

/** Where a stage requirement can be filled in through the edit API ("fields.economicBuyer", "nextStep", …). */
export function isFillableRequirement(where: string | undefined): where is string {
  return (
    where !== undefined &&
    (where.startsWith('fields.') ||
      ['nextStep', 'lossReason', 'amountMinor', 'amount', 'closeDate'].includes(where))
  );
}

/** Adds the values typed for missing stage requirements to a stage edit; blanks are left out. */
export function withRequirements(edit: OpportunityEdit, values: Record<string, string>): OpportunityEdit {
  const result: OpportunityEdit = { ...edit };
  const fields: Record<string, string> = {};
  for (const [where, raw] of Object.entries(values)) {
    const value = raw.trim();
    if (value === '') continue;
    if (where.startsWith('fields.')) fields[where.slice('fields.'.length)] = value;
    else if (where === 'nextStep') result.nextStep = value;
    else if (where === 'lossReason') result.lossReason = value;
    else if (where === 'closeDate') result.closeDate = value;
    else if (where === 'amount' || where === 'amountMinor') result.amount = value.replace(/[\s,]/g, '');
  }
  if (Object.keys(fields).length > 0) result.fields = { ...edit.fields, ...fields };
  return result;
}
