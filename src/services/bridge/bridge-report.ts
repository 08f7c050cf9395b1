import type { AccountParagraph } from '../../core/bridge/account-text.js';
import type { CallGapKind } from '../../core/bridge/attribute-call-gap.js';
import type { BridgeStepKind } from '../../core/bridge/bridge-types.js';
import type { BridgeGrouping } from '../../core/bridge/group-bridge.js';

/** A deal in a step, as reports print it: amounts as decimal strings of the corporate currency. */
export type BridgeDealView = {
  id: string;
  name: string;
  owner: string | null;
  team: string | null;
  segment: string | null;
  amount: string;
  change: string;
  at: string;
};

export type BridgeStepView = { kind: BridgeStepKind; label: string; amount: string; deals: BridgeDealView[] };

/** The figures of one bridge, in the shape of `candor bridge --json`. */
export type BridgeFigures = {
  period: string;
  from: string;
  to: string;
  currency: string;
  start: string;
  won: string;
  open: string;
  end: string;
  steps: BridgeStepView[];
};

export type BridgeReport = BridgeFigures & {
  counts: { start: number; won: number; open: number };
  dealIds: { start: string[]; won: string[]; open: string[] };
  pushes: { count: number; deals: number; dealIds: string[] };
  /** Name and owner of every deal the report mentions (by its latest version in the window). */
  directory: Record<string, { name: string; owner: string | null }>;
  /** Deals left out of the amounts because their currency has no rate. */
  unconverted: string[];
  groups: {
    grouping: BridgeGrouping;
    rows: ({ key: string | null; label: string } & BridgeFigures)[];
  } | null;
  call: {
    source: 'given' | 'ledger';
    /** Who made the call and when, for a call read from the ledger. */
    by: string | null;
    submittedAt: string | null;
    called: string;
    commitAtCall: string;
    closed: string;
    gap: string;
    parts: { kind: CallGapKind; label: string; amount: string; deals: BridgeDealView[] }[];
  } | null;
  account: { paragraphs: AccountParagraph[]; text: string };
};

export { bridgeGroupings, type BridgeGrouping } from '../../core/bridge/group-bridge.js';
