import type { OpportunityVersion } from '../opportunity-history.js';
import { computeDealFacts } from './compute-deal-facts.js';
import type { DealFacts } from './deal-facts.js';

/** One stay of a deal in a stage that ended: entered at a stage change (or the creation), left at the next. */
export type CompletedStay = { stage: string; enteredAt: Date; leftAt: Date };

/**
 * The facts about a deal's whole history that the hygiene rules read, which hold for every moment
 * T from `lastChangeAt` on, as long as nothing about the deal was recorded after T (see
 * computeKnownAt): the store keeps them per deal as a projection, so that judging the present reads
 * one row per deal instead of every version.
 */
export type DealHistory = Pick<DealFacts, 'firstSeenAt' | 'firstStage' | 'pushes' | 'since'> & {
  /** Business time of the latest version: the facts hold for T at or after it. */
  lastChangeAt: Date;
  /** The stays that ended, oldest first; the running stay is not among them. */
  stays: CompletedStay[];
};

/**
 * A deal's history facts from all of its versions (oldest first, see computeOpportunityHistory):
 * the same definitions as computeDealFacts at any T after the last version, and the stays as the
 * stage norms count them: a stay starts at a version whose validFrom equals its stageEnteredAt and
 * ends where the next such version starts.
 */
export function computeDealHistory(versions: readonly OpportunityVersion[]): DealHistory {
  const last = versions.at(-1);
  if (!last) throw new RangeError('computeDealHistory needs at least one version');
  const facts = computeDealFacts({
    versions,
    asOf: last.validFrom,
    amountWindowStart: last.validFrom,
    corporateAmountMinor: null,
    lastActivityAt: null,
    backdated: [],
  });
  if (!facts) throw new RangeError('computeDealHistory needs at least one version');
  const stays: CompletedStay[] = [];
  let open: { stage: string; enteredAt: Date } | null = null;
  for (const version of versions) {
    if (version.validFrom.getTime() !== version.state.stageEnteredAt.getTime()) continue;
    if (open) stays.push({ ...open, leftAt: version.validFrom });
    open = { stage: version.state.stage, enteredAt: version.validFrom };
  }
  return {
    firstSeenAt: facts.firstSeenAt,
    firstStage: facts.firstStage,
    pushes: facts.pushes,
    since: facts.since,
    lastChangeAt: last.validFrom,
    stays,
  };
}
