import type { ForecastCategory } from '../forecast-category.js';

/**
 * One state of a deal, as `opportunity_versions` holds it: valid in business time from `validFrom`
 * (inclusive) to `validTo` (exclusive; null for the latest version). Only the fields the bridge reads.
 */
export type BridgeDealVersion = {
  dealId: string;
  name: string;
  validFrom: Date;
  validTo: Date | null;
  ownerId: string | null;
  accountId: string | null;
  amountMinor: bigint | null;
  currency: string;
  stage: string;
  forecastCategory: ForecastCategory;
  isClosed: boolean;
  isWon: boolean;
  closeDate: string | null;
  pushCount: number;
};

/**
 * The movements a bridge is made of, in the order a waterfall shows them. Each moves value into or
 * out of the tracked total (open pipeline of the period plus what was won since `from`), except
 * `category` and `won`, which move value inside it and so have a net amount of zero.
 */
export const bridgeStepKinds = [
  'created',
  'pulled-in',
  'restored',
  'reopened',
  'increased',
  'decreased',
  'omitted',
  'lost',
  'slipped',
  'reassigned',
  'category',
  'won',
] as const;
export type BridgeStepKind = (typeof bridgeStepKinds)[number];

/** Plain names of the steps, for tables, charts and the written account. */
export const bridgeStepLabels: Record<BridgeStepKind, string> = {
  created: 'Newly created',
  'pulled-in': 'Pulled in from another period',
  restored: 'Moved back into the forecast',
  reopened: 'Reopened after closing',
  increased: 'Amount increased',
  decreased: 'Amount decreased',
  omitted: 'Moved out of the forecast',
  lost: 'Lost',
  slipped: 'Slipped out of the period',
  reassigned: 'Moved in or out of view by a change of owner',
  category: 'Category moves inside the open pipeline',
  won: 'Won',
};

/** A deal in a step: who it belongs to and how much it moved (its own share of the step). */
export type BridgeDeal = {
  id: string;
  name: string;
  ownerId: string | null;
  owner: string | null;
  teamId: string | null;
  team: string | null;
  segment: string | null;
  /** Corporate minor units: the deal's effect on the total, or for zero-net steps the value it moved. */
  amountMinor: bigint;
  /** Business time of the movement. */
  at: Date;
  /** What changed, in words: `2023-06-30 → 2023-08-15`, `Best Case → Commit`, `Closed Lost`. */
  change: string;
};

export type BridgeStep = {
  kind: BridgeStepKind;
  /** Net effect on the total, corporate minor units (zero for `category` and `won`). */
  amountMinor: bigint;
  deals: BridgeDeal[];
};

export type Bridge = {
  period: string;
  from: Date;
  to: Date;
  currency: string;
  /** Open pipeline (Pipeline, Best Case, Commit) closing in the period at `from`. */
  startMinor: bigint;
  /** Won in the period between `from` and `to` (deals already won at `from` are not counted). */
  wonMinor: bigint;
  /** Open pipeline closing in the period at `to`. */
  openMinor: bigint;
  /** `wonMinor + openMinor`, and always `startMinor` plus the steps. */
  endMinor: bigint;
  steps: BridgeStep[];
  /** Deals at `from`, in the open pipeline, won since, or open at `to` whose currency had no rate. */
  unconverted: string[];
  /** Open deals of the period at `from` / at `to`, and deals won in between. */
  counts: { start: number; won: number; open: number };
  /** The deals behind `startMinor`, `wonMinor` and `openMinor`. */
  dealIds: { start: string[]; won: string[]; open: string[] };
  /** Close-date pushes recorded between `from` and `to` on deals of the period, and which deals. */
  pushes: { count: number; deals: number; dealIds: string[] };
};

/** Who a deal's owner is and which team they sit in, for naming and grouping. */
export type BridgePerson = { name: string; teamId: string | null; teamName: string | null };

/** The exchange rates: units of the corporate currency per unit of `code`, from a first valid day. */
export type BridgeRates = {
  corporateCurrency: string;
  decimals: ReadonlyMap<string, number>;
  rates: ReadonlyMap<string, readonly { validFrom: string; rate: string }[]>;
};
