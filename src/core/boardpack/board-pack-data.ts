/** A section the pack shows when its capability has data, or says plainly why it cannot. */
export type PackSection<T> = { status: 'ok'; data: T } | { status: 'absent'; reason: string };

export type PackMoney = string;

/** Everything a board pack prints, as exact decimal strings in the corporate currency. */
export type BoardPackData = {
  organisation: string;
  isDemo: boolean;
  period: string;
  /** The window of the bridge and of every figure: the period's start to its end, or to now. */
  from: string;
  to: string;
  builtAt: string;
  currency: string;
  scope: string;
  number: PackSection<{
    won: PackMoney;
    wonDeals: number;
    target: PackMoney | null;
    targetSource: string;
    open: PackMoney;
  }>;
  calls: PackSection<{
    caller: string;
    actual: PackMoney;
    periodClosed: boolean;
    weeks: {
      week: number;
      dueAt: string;
      commit: PackMoney | null;
      bestCase: PackMoney | null;
      forecast: PackMoney | null;
    }[];
  }>;
  accuracy: PackSection<{
    caller: string;
    periods: { period: string; actual: PackMoney; lastCall: PackMoney | null; bias: number | null }[];
  }>;
  bridge: {
    start: PackMoney;
    won: PackMoney;
    open: PackMoney;
    end: PackMoney;
    steps: {
      label: string;
      amount: PackMoney;
      moves: number;
      top: { name: string; owner: string | null; amount: PackMoney; change: string }[];
    }[];
    account: string[];
    waterfallSvg: string;
  };
  scorecards: PackSection<{
    teams: {
      name: string;
      quota: PackMoney | null;
      bookings: PackMoney;
      attainment: number | null;
      status: string;
      offTrack: string[];
    }[];
  }>;
  hygiene: PackSection<{
    score: number | null;
    flaggedDeals: number;
    openDeals: number;
    flaggedValue: PackMoney;
    adjustedDifference: PackMoney;
    byRule: { rule: string; deals: number; amount: PackMoney }[];
  }>;
  risks: {
    name: string;
    owner: string | null;
    amount: PackMoney;
    closeDate: string | null;
    pushes: number;
    stage: string;
  }[];
  ledger: { length: string; head: string };
};
