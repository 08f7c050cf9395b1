import type { MeetingKind } from './classify-meeting.js';

/** A held meeting, classified, with the deal it concerned as it stood then and as it stands now. */
export type ReportMeeting = {
  id: string;
  period: string;
  /** The executive the meeting counts for: the account's sponsor when present, else the first executive attending. */
  executiveId: string | null;
  kind: MeetingKind;
  deal: {
    id: string;
    closeDateAtMeeting: string | null;
    isClosed: boolean;
    isWon: boolean;
    closeDate: string | null;
    corporateAmountMinor: bigint | null;
  } | null;
};

export type KindCounts = { planned: number; fireDrill: number; unplanned: number };
export type DealOutcomes = {
  deals: number;
  won: number;
  wonMinor: bigint;
  lost: number;
  lostMinor: bigint;
  /** Still open, with the close date moved later than it was at the meeting. */
  slipped: number;
  /** Still open, close date not moved. */
  open: number;
};

export type EngagementReport = {
  bySponsor: (KindCounts & { executiveId: string | null })[];
  byPeriod: (KindCounts & { period: string })[];
  total: KindCounts;
  /** fire drills ÷ (planned + fire drills); null with neither. */
  fireDrillShare01: number | null;
  /** What became of the deals afterwards, per kind of meeting; a deal counts once per kind. */
  afterwards: { planned: DealOutcomes; fireDrill: DealOutcomes };
};

/**
 * Planned against fire-drill meetings by executive and by period, and what happened to the deals.
 * Only meetings held count. Outcomes: won or lost (closed, by the deal's current state), slipped
 * (open, current close date later than at the meeting), open.
 */
export function computeEngagementReport(meetings: readonly ReportMeeting[]): EngagementReport {
  const bySponsor = new Map<string | null, KindCounts>();
  const byPeriod = new Map<string, KindCounts>();
  const total = emptyCounts();
  const seen = {
    planned: new Map<string, ReportMeeting['deal']>(),
    fireDrill: new Map<string, ReportMeeting['deal']>(),
  };
  for (const meeting of meetings) {
    const key = meeting.kind === 'fire-drill' ? 'fireDrill' : meeting.kind;
    for (const counts of [
      getOrAdd(bySponsor, meeting.executiveId),
      getOrAdd(byPeriod, meeting.period),
      total,
    ]) {
      counts[key] += 1;
    }
    if (meeting.deal && key !== 'unplanned') {
      const deals = seen[key];
      const before = deals.get(meeting.deal.id);
      // The earliest meeting decides "the close date at the meeting" for slippage.
      if (!before || (meeting.deal.closeDateAtMeeting ?? '') < (before.closeDateAtMeeting ?? '')) {
        deals.set(meeting.deal.id, meeting.deal);
      }
    }
  }
  const decided = total.planned + total.fireDrill;
  return {
    bySponsor: [...bySponsor].map(([executiveId, c]) => ({ executiveId, ...c })),
    byPeriod: [...byPeriod].sort(([a], [b]) => a.localeCompare(b)).map(([period, c]) => ({ period, ...c })),
    total,
    fireDrillShare01: decided === 0 ? null : total.fireDrill / decided,
    afterwards: {
      planned: computeOutcomes(seen.planned.values()),
      fireDrill: computeOutcomes(seen.fireDrill.values()),
    },
  };
}

function computeOutcomes(deals: Iterable<ReportMeeting['deal']>): DealOutcomes {
  const outcomes: DealOutcomes = {
    deals: 0,
    won: 0,
    wonMinor: 0n,
    lost: 0,
    lostMinor: 0n,
    slipped: 0,
    open: 0,
  };
  for (const deal of deals) {
    if (!deal) continue;
    outcomes.deals += 1;
    if (deal.isClosed && deal.isWon) {
      outcomes.won += 1;
      outcomes.wonMinor += deal.corporateAmountMinor ?? 0n;
    } else if (deal.isClosed) {
      outcomes.lost += 1;
      outcomes.lostMinor += deal.corporateAmountMinor ?? 0n;
    } else if (deal.closeDate && deal.closeDateAtMeeting && deal.closeDate > deal.closeDateAtMeeting) {
      outcomes.slipped += 1;
    } else outcomes.open += 1;
  }
  return outcomes;
}

function emptyCounts(): KindCounts {
  return { planned: 0, fireDrill: 0, unplanned: 0 };
}

function getOrAdd<K>(map: Map<K, KindCounts>, key: K): KindCounts {
  let counts = map.get(key);
  if (!counts) map.set(key, (counts = emptyCounts()));
  return counts;
}
