import type { NewEvent } from '../../src/core/ledger-event.js';
import type { OpportunityFields } from '../../src/core/opportunity.js';
import {
  opportunityChangesToPayload,
  opportunityFieldsToPayload,
  type OpportunityChanges,
} from '../../src/core/opportunity-payload.js';

/** Small builders for hand-made ledger histories in tests. */
export function orgEvent(businessTime: string, payload: Record<string, string | number | boolean>): NewEvent {
  return event('org', 'org', 'org.configured', businessTime, payload);
}

export function dealFields(overrides: Partial<OpportunityFields> = {}): OpportunityFields {
  return {
    name: 'Acme renewal',
    accountId: null,
    ownerId: 'u1',
    amountMinor: 100_000n,
    currency: 'USD',
    stage: 'Prospecting',
    probability01: 0.1,
    forecastCategory: 'Pipeline',
    forecastCategoryOverridden: false,
    isClosed: false,
    isWon: false,
    closeDate: '2026-03-31',
    createdAt: new Date('2026-01-05T10:00:00Z'),
    nextStep: null,
    lossReason: null,
    competitor: null,
    type: null,
    leadSource: null,
    fields: {},
    ...overrides,
  };
}

export function dealCreated(
  id: string,
  businessTime: string,
  overrides: Partial<OpportunityFields> = {},
): NewEvent {
  return event(
    'opportunity',
    id,
    'opportunity.created',
    businessTime,
    opportunityFieldsToPayload(dealFields(overrides)),
  );
}

export function dealChanged(id: string, businessTime: string, changes: OpportunityChanges): NewEvent {
  return event('opportunity', id, 'opportunity.changed', businessTime, opportunityChangesToPayload(changes));
}

export function event(
  entityType: NewEvent['entityType'],
  entityId: string,
  kind: string,
  businessTime: string,
  payload: NewEvent['payload'],
  source: NewEvent['source'] = 'api',
): NewEvent {
  return {
    businessTime: new Date(businessTime),
    actor: 'test',
    source,
    batchId: null,
    entityType,
    entityId,
    kind,
    payload,
    originKey: null,
  };
}

export function currencyDefined(code: string, decimals: number, businessTime: string): NewEvent {
  return event('currency', code, 'currency.defined', businessTime, { code, decimals });
}

/** `rate`: units of the corporate currency for one unit of `code`, from `validFrom` on. */
export function currencyRateSet(
  code: string,
  validFrom: string,
  rate: string,
  businessTime: string,
): NewEvent {
  return event('currency', code, 'currency.rate_set', businessTime, { validFrom, rate });
}

export function teamCreated(
  id: string,
  name: string,
  parentId: string | null,
  businessTime: string,
): NewEvent {
  return event('team', id, 'team.created', businessTime, { name, parentId });
}

export function userCreated(
  id: string,
  name: string,
  businessTime: string,
  email: string | null = null,
): NewEvent {
  return event('user', id, 'user.created', businessTime, { name, email, title: null, active: true });
}

export function roleGranted(userId: string, teamId: string, role: string, businessTime: string): NewEvent {
  return event('user', userId, 'user.role_granted', businessTime, { teamId, role });
}

export function accountCreated(id: string, name: string, businessTime: string): NewEvent {
  return event('account', id, 'account.created', businessTime, {
    name,
    ownerId: null,
    industry: null,
    segment: null,
    country: null,
    fields: {},
  });
}
