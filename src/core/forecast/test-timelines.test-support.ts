import type { DealTimeline, DealVersion } from './deal-timeline.js';
import { computeForecastPeriod } from './forecast-period.js';

/** A UTC calendar with the fiscal year starting in January, weeks on Monday: periods are plain quarters. */
export const utcCalendar = {
  fiscalYearStartMonth: 1,
  fiscalYearNamedBy: 'start' as const,
  weekStartDay: 1,
  timeZone: 'UTC',
};

export const quarter = (name: string) => computeForecastPeriod(utcCalendar, name);

export const ms = (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso).getTime();

type Step = Partial<DealVersion> & { at: string };

/**
 * A deal's timeline from a list of changes: the first step creates it (created at its time), each
 * later step changes the fields it names from that moment on.
 */
export function timeline(id: string, steps: readonly Step[], ownerId: string | null = 'rep'): DealTimeline {
  const versions: DealVersion[] = [];
  const first = steps[0];
  if (!first) throw new RangeError('a timeline needs a step');
  let state: DealVersion = {
    validFromMs: ms(first.at),
    validToMs: Infinity,
    stage: 'Discovery',
    probability01: 0.2,
    category: 'Pipeline',
    isClosed: false,
    isWon: false,
    closeDate: null,
    amountMinor: 1000,
    createdAtMs: ms(first.at),
    stageEnteredAtMs: ms(first.at),
    pushCount: 0,
    closedRecordedAtMs: null,
  };
  for (const [i, step] of steps.entries()) {
    const { at, ...change } = step;
    const from = ms(at);
    const previous = versions.at(-1);
    if (previous) previous.validToMs = from;
    state = { ...state, ...change, validFromMs: from, validToMs: Infinity };
    if (i > 0 && change.stage !== undefined) state.stageEnteredAtMs = from;
    if (change.isClosed) state.closedRecordedAtMs = change.closedRecordedAtMs ?? from;
    versions.push(state);
  }
  return { id, ownerId, versions };
}

/** Won on `at`, with that day as close date. */
export const won = (at: string): Step => ({
  at,
  stage: 'Closed Won',
  isClosed: true,
  isWon: true,
  category: 'Closed',
  closeDate: at.slice(0, 10),
  probability01: 1,
});

export const lost = (at: string): Step => ({
  at,
  stage: 'Closed Lost',
  isClosed: true,
  isWon: false,
  category: 'Omitted',
  closeDate: at.slice(0, 10),
  probability01: 0,
});
