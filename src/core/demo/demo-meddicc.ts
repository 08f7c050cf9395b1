import { inventPersonName } from './demo-names.js';
import {
  buyerTitles,
  championTitles,
  decisionCriteria,
  decisionProcesses,
  identifiedPains,
  metrics,
} from './demo-vocabulary.js';
import type { Random } from './random.js';

/**
 * When each MEDDICC field is usually learnt, by the index of the open stage (0 = Prospecting):
 * the pain in needs analysis, the economic buyer once decision makers are identified, and so on.
 */
const dueAtStage: readonly (readonly [field: string, stageIndex: number])[] = [
  ['identifiedPain', 2],
  ['metrics', 3],
  ['economicBuyer', 4],
  ['decisionProcess', 4],
  ['champion', 5],
  ['decisionCriteria', 5],
  ['competition', 6],
];

export type MeddiccOptions = {
  random: Random;
  /** The open stage index the deal is entering. */
  stageIndex: number;
  /** Fields the deal already has. */
  known: Record<string, string>;
  /** Chance that a rep records a field once it is due (careful reps record more). */
  diligence01: number;
  /** Fields that must be present after this step, whatever the rep's diligence. */
  required: readonly string[];
  competitor: string | null;
};

/** The supporting fields a rep records when a deal enters a stage: only new ones. */
export function recordMeddicc(options: MeddiccOptions): Record<string, string> {
  const { random, stageIndex, known } = options;
  const added: Record<string, string> = {};
  for (const [field, due] of dueAtStage) {
    if (due > stageIndex || field in known) continue;
    if (!options.required.includes(field) && !random.chance(options.diligence01)) continue;
    added[field] = meddiccValue(random, field, options.competitor);
  }
  return added;
}

function meddiccValue(random: Random, field: string, competitor: string | null): string {
  switch (field) {
    case 'identifiedPain':
      return random.pick(identifiedPains);
    case 'metrics':
      return random.pick(metrics);
    case 'economicBuyer':
      return `${inventPersonName(random)}, ${random.pick(buyerTitles)}`;
    case 'decisionProcess':
      return random.pick(decisionProcesses);
    case 'champion':
      return `${inventPersonName(random)}, ${random.pick(championTitles)}`;
    case 'decisionCriteria':
      return random.pick(decisionCriteria);
    default:
      return competitor ?? 'None identified';
  }
}
