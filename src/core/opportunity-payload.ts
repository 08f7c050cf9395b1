import { z } from 'zod';
import { forecastCategories } from './forecast-category.js';
import type { JsonValue } from './canonical-json.js';
import type { OpportunityFields } from './opportunity.js';

/**
 * How opportunity fields travel inside ledger payloads: JSON only, so amounts are decimal strings of
 * minor units and times ISO strings. `opportunity.created` carries every field; `opportunity.changed`
 * carries only those that changed (`fields` entries merge; a null entry removes the key).
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const minorText = z.string().regex(/^-?\d+$/, 'expected an integer count of minor units');

export const opportunityFieldsPayload = z.object({
  name: z.string(),
  accountId: z.string().nullable(),
  ownerId: z.string().nullable(),
  amountMinor: minorText.nullable(),
  currency: z.string().length(3),
  stage: z.string().min(1),
  probability01: z.number().min(0).max(1).nullable(),
  forecastCategory: z.enum(forecastCategories),
  forecastCategoryOverridden: z.boolean(),
  isClosed: z.boolean(),
  isWon: z.boolean(),
  closeDate: isoDate.nullable(),
  createdAt: z.string().datetime({ offset: true }),
  nextStep: z.string().nullable(),
  lossReason: z.string().nullable(),
  competitor: z.string().nullable(),
  type: z.string().nullable(),
  leadSource: z.string().nullable(),
  fields: z.record(z.string(), z.string()),
});

export const opportunityChangesPayload = opportunityFieldsPayload
  .omit({ fields: true })
  .partial()
  .extend({ fields: z.record(z.string(), z.string().nullable()).optional() });

export type OpportunityFieldsPayload = z.infer<typeof opportunityFieldsPayload>;
export type OpportunityChangesPayload = z.infer<typeof opportunityChangesPayload>;

/** Changes to apply, in domain types. A `fields` entry of null removes that key. */
export type OpportunityChanges = Partial<Omit<OpportunityFields, 'fields'>> & {
  fields?: Record<string, string | null>;
};

export function opportunityFieldsToPayload(fields: OpportunityFields): { [key: string]: JsonValue } {
  return {
    ...fields,
    amountMinor: fields.amountMinor === null ? null : fields.amountMinor.toString(),
    createdAt: fields.createdAt.toISOString(),
    fields: { ...fields.fields },
  };
}

export function opportunityChangesToPayload(changes: OpportunityChanges): { [key: string]: JsonValue } {
  const payload: { [key: string]: JsonValue } = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (key === 'amountMinor') payload[key] = value === null ? null : String(value);
    else if (value instanceof Date) payload[key] = value.toISOString();
    else payload[key] = value as JsonValue;
  }
  return payload;
}

export function payloadToOpportunityFields(payload: unknown): OpportunityFields {
  const parsed = opportunityFieldsPayload.parse(payload);
  return {
    ...parsed,
    amountMinor: parsed.amountMinor === null ? null : BigInt(parsed.amountMinor),
    createdAt: new Date(parsed.createdAt),
  };
}

export function payloadToOpportunityChanges(payload: unknown): OpportunityChanges {
  const parsed = opportunityChangesPayload.parse(payload);
  const { amountMinor, createdAt, ...rest } = parsed;
  const changes: OpportunityChanges = { ...rest };
  if (amountMinor !== undefined) changes.amountMinor = amountMinor === null ? null : BigInt(amountMinor);
  if (createdAt !== undefined) changes.createdAt = new Date(createdAt);
  return changes;
}

/**
 * The changes that turn `before` into `after`, field by field; empty when they are equal.
 * Used by imports to turn a CRM snapshot into a change event.
 */
export function diffOpportunityFields(
  before: OpportunityFields,
  after: OpportunityFields,
): OpportunityChanges {
  const changes: OpportunityChanges = {};
  const target = changes as Record<string, unknown>;
  for (const key of Object.keys(after) as (keyof OpportunityFields)[]) {
    if (key === 'fields') continue;
    const a = before[key];
    const b = after[key];
    const same = a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
    if (!same) target[key] = b;
  }
  const fieldChanges: Record<string, string | null> = {};
  for (const key of new Set([...Object.keys(before.fields), ...Object.keys(after.fields)])) {
    const b = after.fields[key] ?? null;
    if ((before.fields[key] ?? null) !== b) fieldChanges[key] = b;
  }
  if (Object.keys(fieldChanges).length > 0) changes.fields = fieldChanges;
  return changes;
}
