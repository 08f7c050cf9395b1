import type { OpportunityVersion } from '../opportunity-history.js';
import type { StageNorm } from './hygiene-rule.js';

/** One stay of a deal in a stage, against the organisation's usual stay there. */
export type StageStay = {
  stage: string;
  enteredAt: Date;
  /** Null while the deal is still in the stage (the stay runs to `asOf`). */
  leftAt: Date | null;
  days: number;
  /** The organisation's median stay, null without history. */
  usualDays: number | null;
  /** The limit the stuck-in-stage rule applies, null for a closed stage. */
  limitDays: number | null;
};

/** A point of the deal's story: each change of close date or amount. */
export type StoryPoint = {
  at: Date;
  closeDate: string | null;
  amountMinor: bigint | null;
  kind: 'created' | 'pushed' | 'pulled-in' | 'amount' | 'both';
};

/**
 * A deal's stays in each stage and the changes of its close date and amount, from its versions up
 * to `asOf`: what the deal page draws (pushes and amount changes on a timeline, days in each stage
 * against the usual). Stage norms give the usual stay (median) and the stuck limit.
 */
export function computeDealStory(
  versions: readonly OpportunityVersion[],
  asOf: Date,
  norms: ReadonlyMap<string, StageNorm>,
): { stays: StageStay[]; points: StoryPoint[] } {
  const known = versions.filter((v) => v.validFrom.getTime() <= asOf.getTime());
  const stays: StageStay[] = [];
  const points: StoryPoint[] = [];
  let previous: OpportunityVersion | null = null;
  for (const version of known) {
    const { state } = version;
    if (!previous || previous.state.stage !== state.stage) {
      const last = stays.at(-1);
      if (last) {
        last.leftAt = version.validFrom;
        last.days = daysBetween(last.enteredAt, version.validFrom);
      }
      const norm = norms.get(state.stage);
      stays.push({
        stage: state.stage,
        enteredAt: version.validFrom,
        leftAt: null,
        days: 0,
        usualDays:
          norm?.medianDays === null || norm === undefined ? null : Math.round(norm.medianDays * 10) / 10,
        limitDays: state.isClosed ? null : (norm?.limitDays ?? null),
      });
    }
    const closeMoved = previous !== null && previous.state.closeDate !== state.closeDate;
    const amountMoved = previous !== null && previous.state.amountMinor !== state.amountMinor;
    if (!previous || closeMoved || amountMoved) {
      const later = closeMoved && (state.closeDate ?? '') > (previous?.state.closeDate ?? '');
      points.push({
        at: version.validFrom,
        closeDate: state.closeDate,
        amountMinor: state.amountMinor,
        kind: !previous
          ? 'created'
          : closeMoved && amountMoved
            ? 'both'
            : closeMoved
              ? later
                ? 'pushed'
                : 'pulled-in'
              : 'amount',
      });
    }
    previous = version;
  }
  const open = stays.at(-1);
  if (open && open.leftAt === null)
    open.days = known.at(-1)?.state.isClosed ? 0 : daysBetween(open.enteredAt, asOf);
  return { stays, points };
}

function daysBetween(from: Date, to: Date): number {
  return Math.round(((to.getTime() - from.getTime()) / 86_400_000) * 10) / 10;
}
