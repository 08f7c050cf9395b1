import { canonicalJson, type JsonValue } from '../canonical-json.js';
import type { Membership } from '../org-entities.js';

type RecordPayload = { [key: string]: JsonValue };

/**
 * What a file's record means for the ledger: nothing when the ledger already says the same, the
 * full record when the entity is new, else the members that differ (a `fields` map by key, a
 * removed key as null, as the record reducers merge them).
 */
export function planRecordEvent(
  existing: RecordPayload | null,
  incoming: RecordPayload,
): { change: 'created' | 'changed'; payload: RecordPayload } | null {
  if (existing === null) return { change: 'created', payload: incoming };
  const payload: RecordPayload = {};
  for (const [key, value] of Object.entries(incoming)) {
    const before = existing[key] ?? null;
    if (key === 'fields' && isMap(value) && isMap(before)) {
      const fields: RecordPayload = {};
      for (const name of new Set([...Object.keys(before), ...Object.keys(value)])) {
        const next = value[name] ?? null;
        if (canonicalJson(before[name] ?? null) !== canonicalJson(next)) fields[name] = next;
      }
      if (Object.keys(fields).length > 0) payload.fields = fields;
    } else if (canonicalJson(before) !== canonicalJson(value)) {
      payload[key] = value;
    }
  }
  return Object.keys(payload).length === 0 ? null : { change: 'changed', payload };
}

/**
 * The grants and revocations that give a user exactly the wanted memberships among those an import
 * manages; other memberships (set in Candor, or by another source) are left alone.
 */
export function planMembershipEvents(
  existing: readonly Membership[],
  wanted: readonly Membership[],
  manages: (membership: Membership) => boolean,
): { grant: Membership[]; revoke: Membership[] } {
  const key = (m: Membership) => `${m.teamId}\u0000${m.role}`;
  const have = new Set(existing.map(key));
  const want = new Set(wanted.map(key));
  return {
    grant: wanted.filter((m) => !have.has(key(m))),
    revoke: existing.filter((m) => manages(m) && !want.has(key(m))),
  };
}

function isMap(value: JsonValue | undefined): value is RecordPayload {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
