import type { LedgerEvent, NewEvent } from '../ledger-event.js';
import { computeOpportunityHistory } from '../opportunity-history.js';
import {
  opportunityChangesToPayload,
  opportunityFieldsToPayload,
  type OpportunityChanges,
} from '../opportunity-payload.js';
import type { OpportunityFields } from '../opportunity.js';
import { defaultStages, type Stage } from '../stage.js';
import { dayInZone } from '../fiscal-calendar.js';
import { computeDealFacts } from './compute-deal-facts.js';
import { evaluateHygiene } from './evaluate-hygiene.js';
import type { HygieneFlag } from './hygiene-flag.js';
import type { HygieneRuleId } from './hygiene-rule-id.js';
import type { StageNorm } from './hygiene-rule.js';
import { computeHygieneSettings, type RuleSettingChange } from './hygiene-settings.js';
import { filterKnownEvents, listBackdatedChanges } from './known-events.js';

/** Test support: hand-built deal histories evaluated exactly as the service's reference path does. */
export type TestEvent = LedgerEvent;

let seq = 0n;

export function created(
  at: string,
  overrides: Partial<OpportunityFields> = {},
  source: NewEvent['source'] = 'import',
): TestEvent {
  return testEvent('opportunity.created', at, opportunityFieldsToPayload(fields(at, overrides)), source, at);
}

export function changed(
  at: string,
  changes: OpportunityChanges,
  options: { source?: NewEvent['source']; recordedAt?: string } = {},
): TestEvent {
  return testEvent(
    'opportunity.changed',
    at,
    opportunityChangesToPayload(changes),
    options.source ?? 'import',
    options.recordedAt ?? at,
  );
}

function testEvent(
  kind: string,
  at: string,
  payload: NewEvent['payload'],
  source: NewEvent['source'],
  recordedAt: string,
): TestEvent {
  seq += 1n;
  return {
    businessTime: new Date(at),
    recordedTime: new Date(recordedAt),
    actor: 'test',
    source,
    batchId: source === 'import' ? 'b1' : null,
    entityType: 'opportunity',
    entityId: 'd1',
    kind,
    payload,
    originKey: null,
    seq,
    prevHash: '',
    hash: '',
  };
}

function fields(at: string, overrides: Partial<OpportunityFields>): OpportunityFields {
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
    createdAt: new Date(at),
    nextStep: null,
    lossReason: null,
    competitor: null,
    type: null,
    leadSource: null,
    fields: {},
    ...overrides,
  };
}

export type EvaluateOptions = {
  only?: HygieneRuleId;
  settings?: Partial<Record<HygieneRuleId, RuleSettingChange>>;
  stages?: readonly Stage[];
  stageNorms?: Map<string, StageNorm>;
  timeZone?: string;
  activities?: string[];
};

/** The flags on one deal as of `asOf`, from only what was known then. */
export function flagsAt(
  events: readonly TestEvent[],
  asOfText: string,
  options: EvaluateOptions = {},
): HygieneFlag[] {
  const asOf = new Date(asOfText);
  const settings = computeHygieneSettings(options.settings ?? {});
  const known = filterKnownEvents(events, asOf).filter((e) => e.businessTime.getTime() <= asOf.getTime());
  if (known.length === 0) return [];
  const { versions } = computeOpportunityHistory(known);
  const lastActivity = (options.activities ?? [])
    .map((a) => new Date(a))
    .filter((a) => a.getTime() <= asOf.getTime())
    .sort((a, b) => b.getTime() - a.getTime())[0];
  const windowDays = settings['amount-swing'].thresholds.days;
  const facts = computeDealFacts({
    versions,
    asOf,
    amountWindowStart: new Date(asOf.getTime() - windowDays * 86_400_000),
    corporateAmountMinor: versions.at(-1)?.state.amountMinor ?? null,
    lastActivityAt: lastActivity ?? null,
    backdated: listBackdatedChanges(filterKnownEvents(events, asOf), {
      asOf,
      lookbackDays: settings['backdated-change'].thresholds.lookbackDays,
      backdatedAfterHours: 72,
    }),
  });
  if (!facts) return [];
  const timeZone = options.timeZone ?? 'UTC';
  const flags = evaluateHygiene({
    deals: [facts],
    settings,
    context: {
      asOf,
      today: dayInZone(asOf, timeZone),
      timeZone,
      stages: options.stages ?? defaultStages,
      stageNorms: options.stageNorms ?? new Map(),
      backdatedAfterHours: 72,
      lateCloseAfterDays: 7,
      decimalsOf: () => 2,
    },
  });
  return options.only ? flags.filter((f) => f.rule === options.only) : flags;
}

/** The one flag of a rule, as `[evidence, since]`, or null. */
export function flagOf(
  events: readonly TestEvent[],
  asOf: string,
  rule: HygieneRuleId,
  options: EvaluateOptions = {},
) {
  const flag = flagsAt(events, asOf, { ...options, only: rule })[0];
  return flag ? [flag.evidence, flag.since.toISOString()] : null;
}
