import type { OpportunityVersion } from '../opportunity-history.js';
import type { OpportunityState } from '../opportunity.js';
import type { BackdatedChange, ClosePush, DealFacts } from './deal-facts.js';

export type ComputeDealFactsOptions = {
  /** The deal's versions as known at `asOf`, oldest first (see computeOpportunityHistory). */
  versions: readonly OpportunityVersion[];
  asOf: Date;
  /** Start of the amount-swing window: the amount then is compared with the amount at `asOf`. */
  amountWindowStart: Date;
  corporateAmountMinor: bigint | null;
  lastActivityAt: Date | null;
  backdated: BackdatedChange[];
};

/**
 * The facts the rules read about one deal, from its versions: the reference definition, which the
 * pipeline-wide SQL in src/store/hygiene-facts.ts reproduces (a test holds them equal). Returns null
 * when the deal did not exist at `asOf`.
 */
export function computeDealFacts(options: ComputeDealFactsOptions): DealFacts | null {
  const known = options.versions.filter((v) => v.validFrom.getTime() <= options.asOf.getTime());
  const first = known[0];
  const last = known.at(-1);
  if (!first || !last) return null;
  const state = last.state;
  const pushes: ClosePush[] = [];
  for (let i = 1; i < known.length; i += 1) {
    const before = known[i - 1]!.state;
    const after = known[i]!.state;
    if (after.pushCount > before.pushCount && before.closeDate && after.closeDate) {
      pushes.push({ from: before.closeDate, to: after.closeDate, at: known[i]!.validFrom });
    }
  }
  const atWindowStart = known
    .filter((v) => v.validFrom.getTime() <= options.amountWindowStart.getTime())
    .at(-1);
  return {
    ...pick(state),
    corporateAmountMinor: options.corporateAmountMinor,
    firstSeenAt: first.validFrom,
    firstStage: first.state.stage,
    pushes,
    amountBefore: atWindowStart ? atWindowStart.state.amountMinor : undefined,
    since: {
      amount: runStart(known, (s) => s.amountMinor),
      closeDate: runStart(known, (s) => s.closeDate),
      category: runStart(known, (s) => s.forecastCategory),
      nextStep: runStart(known, (s) => s.nextStep),
      fields: runStart(known, (s) => s.fields, sameFields),
    },
    lastActivityAt: options.lastActivityAt,
    backdated: options.backdated,
  };
}

/** The business time from which the latest value has held without a break. */
function runStart<T>(
  versions: readonly OpportunityVersion[],
  read: (state: OpportunityState) => T,
  same: (a: T, b: T) => boolean = (a, b) => a === b,
): Date {
  let index = versions.length - 1;
  const value = read(versions[index]!.state);
  while (index > 0 && same(read(versions[index - 1]!.state), value)) index -= 1;
  return versions[index]!.validFrom;
}

/** Equal supporting information: the same object (a change that left it alone), or the same keys and values. */
function sameFields(a: Record<string, string>, b: Record<string, string>): boolean {
  return a === b || JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(fields: Record<string, string>): [string, string][] {
  return Object.entries(fields).sort(([a], [b]) => a.localeCompare(b));
}

function pick(state: OpportunityState) {
  return {
    id: state.id,
    name: state.name,
    ownerId: state.ownerId,
    accountId: state.accountId,
    stage: state.stage,
    forecastCategory: state.forecastCategory,
    isClosed: state.isClosed,
    isWon: state.isWon,
    closeDate: state.closeDate,
    amountMinor: state.amountMinor,
    currency: state.currency,
    nextStep: state.nextStep,
    competitor: state.competitor,
    type: state.type,
    leadSource: state.leadSource,
    lossReason: state.lossReason,
    fields: state.fields,
    createdAt: state.createdAt,
    stageEnteredAt: state.stageEnteredAt,
    closedRecordedAt: state.closedRecordedAt,
  };
}
