import type { ForecastCategory } from '../forecast-category.js';
import { defaultStages, type Stage } from '../stage.js';

/** What one row says about a stage. Blank facts are null or absent. */
export type StageObservation = {
  name: string;
  order?: number | null;
  probability01?: number | null;
  forecastCategory?: ForecastCategory | null;
  isClosed?: boolean | null;
  isWon?: boolean | null;
};

type Votes<T> = Map<T, number>;
type StageVotes = {
  order: Votes<number>;
  probability01: Votes<number>;
  forecastCategory: Votes<ForecastCategory>;
  isClosed: Votes<boolean>;
  isWon: Votes<boolean>;
};

/** Counts what the rows say about each stage; small (one entry per stage name). */
export type StageTally = Map<string, StageVotes>;

export function createStageTally(): StageTally {
  return new Map();
}

export function tallyStage(tally: StageTally, observation: StageObservation): void {
  let votes = tally.get(observation.name);
  if (!votes) {
    votes = {
      order: new Map(),
      probability01: new Map(),
      forecastCategory: new Map(),
      isClosed: new Map(),
      isWon: new Map(),
    };
    tally.set(observation.name, votes);
  }
  vote(votes.order, observation.order);
  vote(votes.probability01, observation.probability01);
  vote(votes.forecastCategory, observation.forecastCategory);
  vote(votes.isClosed, observation.isClosed);
  vote(votes.isWon, observation.isWon);
}

/**
 * The stages the rows use that the organisation does not know yet, defined from the data: each
 * fact is what most rows in that stage say (Salesforce exports a stage's sort order, closed and won
 * flags with every opportunity, and its probability and category unless the owner overrode them).
 * A fact no row states comes from Salesforce's standard stage of that name, else from the name and
 * category (a stage whose deals are Closed is won; "Closed …"/"Lost" is closed), and a stage with
 * no sort order goes after every known one.
 */
export function deriveStages(known: readonly Stage[], tally: StageTally): Stage[] {
  const knownNames = new Set(known.map((s) => s.name));
  const derived: (Omit<Stage, 'order'> & { order: number | null })[] = [];
  for (const [name, votes] of tally) {
    if (knownNames.has(name)) continue;
    const standard = defaultStages.find((s) => s.name.toLowerCase() === name.toLowerCase());
    const category = winner(votes.forecastCategory) ?? standard?.forecastCategory ?? null;
    const isClosed =
      winner(votes.isClosed) ??
      standard?.isClosed ??
      (category === 'Closed' || /\b(closed|won|lost)\b/i.test(name));
    const isWon =
      winner(votes.isWon) ??
      standard?.isWon ??
      (isClosed && (category === 'Closed' || /\bwon\b/i.test(name)));
    derived.push({
      name,
      order: winner(votes.order) ?? standard?.order ?? null,
      probability01: winner(votes.probability01) ?? standard?.probability01 ?? (isWon ? 1 : 0),
      forecastCategory: category ?? (isWon ? 'Closed' : isClosed ? 'Omitted' : 'Pipeline'),
      isClosed,
      isWon,
      requiredFields: [],
      active: true,
    });
  }
  let lastOrder = Math.max(0, ...known.map((s) => s.order), ...derived.map((s) => s.order ?? 0));
  return derived
    .map((stage): Stage => ({ ...stage, order: stage.order ?? (lastOrder += 1) }))
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

function vote<T>(votes: Votes<T>, value: T | null | undefined): void {
  if (value === null || value === undefined) return;
  votes.set(value, (votes.get(value) ?? 0) + 1);
}

/** The value most rows state; the first one seen wins a tie. */
function winner<T>(votes: Votes<T>): T | null {
  let best: T | null = null;
  let bestCount = 0;
  for (const [value, count] of votes) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}
