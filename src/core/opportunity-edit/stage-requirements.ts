import type { OpportunityState } from '../opportunity.js';
import type { Stage } from '../stage.js';

/** One field a stage requires that a deal lacks: its key as configured and a label people read. */
export type MissingRequirement = { key: string; where: string; label: string };

/** Requirement keys that name a deal's own field rather than a supporting-information entry. */
const dealFieldKeys: Record<string, keyof OpportunityState> = {
  amount: 'amountMinor',
  amountMinor: 'amountMinor',
  closeDate: 'closeDate',
  nextStep: 'nextStep',
  competitor: 'competitor',
  type: 'type',
  leadSource: 'leadSource',
  lossReason: 'lossReason',
  accountId: 'accountId',
  account: 'accountId',
};

/**
 * The fields `stage` requires that `deal` does not have. A requirement names a deal field (`nextStep`,
 * `amount`, `closeDate`, …) or a supporting-information key (`economicBuyer`, `Decision maker`);
 * a blank text counts as missing, since a space is not a decision maker.
 */
export function findMissingRequirements(
  deal: Pick<OpportunityState, keyof OpportunityState>,
  stage: Pick<Stage, 'requiredFields'>,
): MissingRequirement[] {
  const missing: MissingRequirement[] = [];
  for (const key of stage.requiredFields) {
    const dealKey = dealFieldKeys[key];
    const value = dealKey === undefined ? deal.fields[key] : deal[dealKey];
    if (!isPresent(value)) {
      missing.push({ key, where: dealKey ?? `fields.${key}`, label: requirementLabel(key) });
    }
  }
  return missing;
}

function isPresent(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  return true;
}

/**
 * A requirement key as a label: `economicBuyer` and `economic_buyer` read "Economic buyer";
 * a key already written as words (`Decision maker`) stays as it is.
 */
export function requirementLabel(key: string): string {
  // A stage has a handful of keys and the hygiene rules ask for them once per deal: remembered.
  let label = labels.get(key);
  if (label === undefined) {
    if (labels.size >= labelsLimit) labels.clear();
    label = labelOf(key);
    labels.set(key, label);
  }
  return label;
}

const labels = new Map<string, string>();
const labelsLimit = 1_000;

function labelOf(key: string): string {
  if (key === 'amountMinor') return 'Amount';
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .split(/\s+/);
  const sentence = words.map((word, i) => (i === 0 ? word : lowerUnlessAcronym(word))).join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function lowerUnlessAcronym(word: string): string {
  return /^[A-Z0-9]{2,}$/.test(word) ? word : word.toLowerCase();
}
