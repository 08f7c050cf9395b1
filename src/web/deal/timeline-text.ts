import type { OpportunityDetailResponse } from '../../api/opportunity-detail.js';
import { formatMoney, formatPercent } from '../format/format-money.js';
import { formatDay, formatInstant } from '../format/format-time.js';
import { humaniseField } from '../http/api-error.js';

/** Bookkeeping fields of a creation event that say nothing a reader needs. */
export const hiddenOnCreate = new Set([
  'forecastCategoryOverridden',
  'isClosed',
  'isWon',
  'currency',
  'probability',
]);

const kindNames: Record<string, string> = {
  'opportunity.created': 'Created',
  'opportunity.changed': 'Changed',
  'opportunity.closed': 'Closed',
  'opportunity.reopened': 'Reopened',
  'opportunity.deleted': 'Deleted',
  'opportunity.restored': 'Restored',
};

export function describeEventKind(kind: string): string {
  return kindNames[kind] ?? kind.replace(/^opportunity\./, '').replace(/[._]/g, ' ');
}

const fieldNames: Record<string, string> = {
  accountId: 'account',
  ownerId: 'owner',
  createdAt: 'created',
  modifiedAt: 'modified',
  forecastCategoryOverridden: 'category set by owner',
};

/** The name of a changed field as a reader says it: "ownerId" → "owner", "fields.economicBuyer" → "economic buyer". */
export function describeField(field: string): string {
  return fieldNames[field] ?? humaniseField(field);
}

/** A value of the timeline as a person reads it: amounts as money, days as dates, ids as names. */
export function describeChangeValue(
  field: string,
  value: string | null,
  deal: OpportunityDetailResponse,
  nameOf: (id: string) => string,
): string {
  if (value === null || value === '') return '(empty)';
  switch (field) {
    case 'amount':
      return formatMoney(value, deal.currency);
    case 'closeDate':
      return formatDay(value);
    case 'createdAt':
    case 'modifiedAt':
      return formatInstant(value);
    case 'probability':
      return formatPercent(Number(value));
    case 'ownerId':
    case 'accountId':
      return nameOf(value);
    case 'isClosed':
    case 'isWon':
    case 'forecastCategoryOverridden':
      return value === 'true' ? 'yes' : 'no';
    default:
      return value;
  }
}
