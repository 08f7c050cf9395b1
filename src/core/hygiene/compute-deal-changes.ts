import type { ForecastCategory } from '../forecast-category.js';
import { formatMinor } from '../money.js';
import type { Stage } from '../stage.js';

/** What a deal looked like at one instant, for week-over-week comparison. */
export type DealSnapshot = {
  id: string;
  stage: string;
  closeDate: string | null;
  /** In the corporate currency. */
  corporateAmountMinor: bigint | null;
  forecastCategory: ForecastCategory;
  isClosed: boolean;
  isWon: boolean;
};

export const dealChangeKinds = [
  'new',
  'advanced',
  'moved-back',
  'slipped',
  'pulled-in',
  'amount-up',
  'amount-down',
  'category-changed',
  'won',
  'lost',
] as const;
export type DealChangeKind = (typeof dealChangeKinds)[number];

export type DealChange = { kind: DealChangeKind; text: string };

/**
 * What changed about one deal between two instants: new (not there before); advanced or moved back
 * (stage order); slipped or pulled in (close date later or earlier); amount up or down; forecast
 * category changed; won or lost. `before` is null for a deal that did not exist at the first instant.
 * Amounts are formatted with the corporate currency's decimals.
 */
export function computeDealChanges(
  before: DealSnapshot | null,
  after: DealSnapshot,
  stages: readonly Stage[],
  corporateDecimals: number,
): DealChange[] {
  if (before === null) return [{ kind: 'new', text: `new in ${after.stage}` }];
  const changes: DealChange[] = [];
  if (after.isClosed && !before.isClosed) {
    changes.push(after.isWon ? { kind: 'won', text: 'won' } : { kind: 'lost', text: 'lost' });
  } else if (after.stage !== before.stage) {
    const from = stages.find((s) => s.name === before.stage)?.order ?? 0;
    const to = stages.find((s) => s.name === after.stage)?.order ?? 0;
    changes.push({
      kind: to >= from ? 'advanced' : 'moved-back',
      text: `${before.stage} → ${after.stage}`,
    });
  }
  if (
    before.closeDate !== after.closeDate &&
    before.closeDate !== null &&
    after.closeDate !== null &&
    !after.isClosed
  ) {
    changes.push({
      kind: after.closeDate > before.closeDate ? 'slipped' : 'pulled-in',
      text: `close ${before.closeDate} → ${after.closeDate}`,
    });
  }
  const was = before.corporateAmountMinor ?? 0n;
  const now = after.corporateAmountMinor ?? 0n;
  if (was !== now) {
    changes.push({
      kind: now > was ? 'amount-up' : 'amount-down',
      text: `amount ${formatMinor(was, corporateDecimals)} → ${formatMinor(now, corporateDecimals)}`,
    });
  }
  if (before.forecastCategory !== after.forecastCategory && !(after.isClosed && !before.isClosed)) {
    changes.push({
      kind: 'category-changed',
      text: `${before.forecastCategory} → ${after.forecastCategory}`,
    });
  }
  return changes;
}

/**
 * How much a deal's changes matter, for "biggest changes since last week": the absolute change in
 * corporate amount, plus the whole amount for a new, won, lost, slipped or pulled-in deal.
 */
export function computeChangeMagnitude(
  before: DealSnapshot | null,
  after: DealSnapshot,
  changes: readonly DealChange[],
): bigint {
  const now = after.corporateAmountMinor ?? 0n;
  const was = before?.corporateAmountMinor ?? 0n;
  const delta = now > was ? now - was : was - now;
  const whole = changes.some((c) => ['new', 'won', 'lost', 'slipped', 'pulled-in'].includes(c.kind));
  return delta + (whole ? now : 0n);
}
