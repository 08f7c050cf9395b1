import type { z } from 'zod';
import { DomainError } from './domain-error.js';
import type { LedgerEvent } from './ledger-event.js';
import {
  accountSchema,
  activitySchema,
  currencyRateSchema,
  currencySchema,
  defaultOrgSettings,
  membershipSchema,
  orgSettingsSchema,
  stageSchema,
  teamSchema,
  userSchema,
  type AccountRecord,
  type ActivityRecord,
  type Currency,
  type CurrencyRate,
  type Membership,
  type OrgSettings,
  type TeamRecord,
  type UserRecord,
} from './org-entities.js';
import type { Stage } from './stage.js';

/** The state of each record entity after its events are folded, keyed by entity type. */
export type RecordStates = {
  org: OrgSettings;
  currency: Currency & { rates: CurrencyRate[] };
  stage: Stage;
  team: TeamRecord;
  user: UserRecord & { memberships: Membership[] };
  account: AccountRecord;
  activity: ActivityRecord;
  import: { kind: string; events: number; rejected: number };
};
export type RecordEntityType = keyof RecordStates;

type EventLike = Pick<LedgerEvent, 'entityType' | 'entityId' | 'kind' | 'payload' | 'seq'>;

/**
 * Folds one event into the state of a configuration or reference entity (everything except
 * opportunities). `created`/`defined` events carry a full record, `changed` events a partial one.
 */
export function applyRecordEvent<T extends RecordEntityType>(
  entityType: T,
  state: RecordStates[T] | null,
  event: EventLike,
): RecordStates[T] {
  const reducer = reducers[entityType] as unknown as Reducer<RecordStates[T]>;
  return reducer(state, event);
}

export function isRecordEntityType(entityType: string): entityType is RecordEntityType {
  return entityType in reducers;
}

type Reducer<S> = (state: S | null, event: EventLike) => S;

const reducers: { [K in RecordEntityType]: Reducer<RecordStates[K]> } = {
  org: (state, event) => {
    expectKind(event, ['org.configured']);
    return orgSettingsSchema.parse({ ...(state ?? defaultOrgSettings), ...event.payload });
  },
  currency: (state, event) => {
    if (event.kind === 'currency.defined') {
      return { ...currencySchema.parse(event.payload), rates: state?.rates ?? [] };
    }
    expectKind(event, ['currency.rate_set']);
    const current = requireState(state, event);
    const rate = currencyRateSchema.parse(event.payload);
    const rates = current.rates.filter((r) => r.validFrom !== rate.validFrom).concat(rate);
    return { ...current, rates: rates.sort((a, b) => a.validFrom.localeCompare(b.validFrom)) };
  },
  stage: recordReducer('stage.defined', 'stage.changed', stageSchema),
  team: recordReducer('team.created', 'team.changed', teamSchema),
  user: (state, event) => {
    if (event.kind === 'user.role_granted' || event.kind === 'user.role_revoked') {
      const current = requireState(state, event);
      const grant = membershipSchema.parse(event.payload);
      const others = current.memberships.filter((m) => m.teamId !== grant.teamId || m.role !== grant.role);
      return { ...current, memberships: event.kind === 'user.role_granted' ? [...others, grant] : others };
    }
    // The fact that a password was set or reset is on the record; the hash itself never is.
    if (event.kind === 'user.password_set') return requireState(state, event);
    const record = recordReducer('user.created', 'user.changed', userSchema)(state, event);
    return { ...record, memberships: state?.memberships ?? [] };
  },
  account: recordReducer('account.created', 'account.changed', accountSchema),
  activity: recordReducer('activity.logged', 'activity.changed', activitySchema),
  import: (_state, event) => {
    expectKind(event, ['import.committed']);
    const payload = event.payload as { kind?: unknown; events?: unknown; rejected?: unknown };
    return { kind: String(payload.kind), events: Number(payload.events), rejected: Number(payload.rejected) };
  },
};

/** A reducer for entities whose creation carries a full record and whose changes merge into it. */
function recordReducer<S extends z.ZodObject>(createdKind: string, changedKind: string, schema: S) {
  return (state: z.infer<S> | null, event: EventLike): z.infer<S> => {
    if (event.kind === createdKind) {
      if (state) fail(event, `is ${createdKind.split('.')[1]} twice`);
      return schema.parse(event.payload);
    }
    expectKind(event, [changedKind]);
    const current = requireState(state, event);
    const merged: Record<string, unknown> = { ...current, ...event.payload };
    if ('fields' in current && event.payload.fields && typeof event.payload.fields === 'object') {
      merged.fields = mergeFieldMap(current.fields as Record<string, string>, event.payload.fields);
    }
    return schema.parse(merged);
  };
}

function mergeFieldMap(current: Record<string, string>, changes: object): Record<string, string> {
  const merged = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete merged[key];
    else merged[key] = String(value);
  }
  return merged;
}

function expectKind(event: EventLike, kinds: string[]): void {
  if (!kinds.includes(event.kind)) fail(event, `has an unknown event kind '${event.kind}'`);
}

function requireState<S>(state: S | null, event: EventLike): S {
  if (state === null) fail(event, `is changed by '${event.kind}' before it exists`);
  return state;
}

function fail(event: EventLike, what: string): never {
  throw new DomainError('ledger-broken', `${event.entityType} ${event.entityId} ${what} (seq ${event.seq})`);
}
