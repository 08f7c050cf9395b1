import type { JsonValue } from './canonical-json.js';

/** Where a change came from. Import events also carry the batch id. */
export type EventSource = 'ui' | 'api' | 'import' | 'system' | 'cli';

/** The kinds of thing the ledger records changes to. Later capabilities add theirs here. */
export type EntityType =
  | 'org'
  | 'currency'
  | 'stage'
  | 'team'
  | 'user'
  | 'account'
  | 'opportunity'
  | 'activity'
  | 'import'
  | 'call'
  | 'call_policy'
  | 'forecast'
  | 'insight'
  | 'meeting'
  | 'strategic-account'
  | 'engagement'
  | 'digest-subscription'
  | 'hygiene-rule'
  | 'quota'
  | 'target';

/** An event as a service proposes it, before the ledger gives it a place in the chain. */
export type NewEvent = {
  /** When the change took effect in the business (for imported history: the source's own timestamp). */
  businessTime: Date;
  actor: string;
  source: EventSource;
  /** The import batch id for `source: 'import'`, else null. */
  batchId: string | null;
  entityType: EntityType;
  entityId: string;
  kind: string;
  payload: { [key: string]: JsonValue };
  /**
   * A stable key of the fact in its source system (e.g. `sf:OpportunityHistory:008…`), so that
   * re-importing the same file adds nothing. Unique across the ledger when present.
   */
  originKey: string | null;
};

/** An event as stored: numbered, timed by the ledger, and chained to the one before. */
export type LedgerEvent = NewEvent & {
  seq: bigint;
  recordedTime: Date;
  prevHash: string;
  hash: string;
};

/** The hash that stands before the first event. */
export const GENESIS_HASH = '0'.repeat(64);
