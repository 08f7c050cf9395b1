import { DomainError } from '../domain-error.js';
import { dayInZone } from '../fiscal-calendar.js';
import type { ForecastCategory } from '../forecast-category.js';
import type { OpportunityState } from '../opportunity.js';
import type { OpportunityChanges } from '../opportunity-payload.js';
import type { Stage } from '../stage.js';
import { parseExactAmount } from './parse-exact-amount.js';
import { findMissingRequirements } from './stage-requirements.js';

/** An edit as a person asks for it; only the keys present change (see src/api/opportunity-edit.ts). */
export type OpportunityEditInput = {
  stage?: string;
  /** A decimal string in the deal's currency; null clears the amount. */
  amount?: string | null;
  closeDate?: string;
  /** An override of the stage's category; null returns to the stage's default. */
  forecastCategory?: ForecastCategory | null;
  nextStep?: string | null;
  lossReason?: string | null;
  /** Supporting information; a null (or blank) value removes the key. */
  fields?: Record<string, string | null>;
};

export type PlanOpportunityEditOptions = {
  current: OpportunityState;
  stages: readonly Stage[];
  /** Minor-unit decimals of the deal's currency. */
  currencyDecimals: number;
  edit: OpportunityEditInput;
  now: Date;
  /** The organisation's time zone, which says what "today" is for a deal closed now. */
  timeZone: string;
};

/**
 * Turns an edit into the changes of one `opportunity.changed` event, applying the stage rules:
 * - a stage change takes the stage's probability, closed/won flags and, unless the owner overrode
 *   it, its forecast category; entering a stage needs the fields the stage requires;
 * - an explicit category is an override (`forecastCategoryOverridden`); null returns to the
 *   stage's default; a closed deal always has its stage's category;
 * - a deal closed now without a close date closes today: its bookings belong to the day it was
 *   won, not to the (possibly past) expected date, which would put a win into a closed quarter;
 * - amounts are exact: more decimals than the currency has is refused, never rounded;
 * - texts are trimmed and a blank text clears the value.
 * Only values that actually change are returned; an edit that changes nothing is refused.
 * Throws DomainError (`invalid-input` or `stage-requirements-missing`).
 */
export function planOpportunityEdit(options: PlanOpportunityEditOptions): OpportunityChanges {
  const { current, edit } = options;
  const next: OpportunityChanges = {};
  const set = <K extends Exclude<keyof OpportunityChanges, 'fields'>>(
    key: K,
    value: OpportunityChanges[K],
  ) => {
    if (current[key] !== value) next[key] = value;
  };

  const target = edit.stage === undefined ? null : resolveStage(options.stages, edit.stage, current.stage);
  if (target) {
    set('stage', target.name);
    set('probability01', target.probability01);
    set('isClosed', target.isClosed);
    set('isWon', target.isWon);
  }
  const category = planCategory(options, target);
  if (category) {
    set('forecastCategory', category.value);
    set('forecastCategoryOverridden', category.overridden);
  }
  if (edit.amount !== undefined) {
    set(
      'amountMinor',
      edit.amount === null ? null : parseExactAmount(edit.amount, options.currencyDecimals, current.currency),
    );
  }
  const closeDate = planCloseDate(options, target);
  if (closeDate !== undefined) set('closeDate', closeDate);
  if (edit.nextStep !== undefined) set('nextStep', cleanText(edit.nextStep));
  if (edit.lossReason !== undefined) set('lossReason', cleanText(edit.lossReason));
  const fieldChanges = planFieldChanges(current.fields, edit.fields);
  if (fieldChanges) next.fields = fieldChanges;

  if (Object.keys(next).length === 0) {
    throw new DomainError('invalid-input', 'nothing to change: the deal already has these values');
  }
  if (target && target.name !== current.stage) requireStageFields(current, next, target);
  return next;
}

/** The stage asked for, or null when it is the deal's stage already. */
function resolveStage(stages: readonly Stage[], name: string, currentStage: string): Stage | null {
  const wanted = name.trim();
  const stage =
    stages.find((s) => s.name === wanted) ??
    stages.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
  if (!stage) {
    if (wanted === currentStage) return null; // an imported stage that is not configured
    throw new DomainError('invalid-input', `there is no stage '${wanted}'`, [
      {
        where: 'stage',
        value: name,
        reason: `the stages are: ${
          stages
            .filter((s) => s.active)
            .map((s) => s.name)
            .join(', ') || 'none yet'
        }`,
      },
    ]);
  }
  if (stage.name === currentStage) return null;
  if (!stage.active) {
    throw new DomainError('invalid-input', `the stage '${stage.name}' is no longer in use`, [
      { where: 'stage', value: name, reason: 'an administrator retired this stage' },
    ]);
  }
  return stage;
}

function planCategory(
  options: PlanOpportunityEditOptions,
  target: Stage | null,
): { value: ForecastCategory; overridden: boolean } | null {
  const { current, edit } = options;
  const closedAfter = target ? target.isClosed : current.isClosed;
  const asked = edit.forecastCategory;
  if (asked !== undefined && asked !== null) {
    if (closedAfter) {
      throw new DomainError('invalid-input', 'a closed deal takes the category of its stage', [
        { where: 'forecastCategory', value: asked, reason: 'won deals are Closed and lost deals Omitted' },
      ]);
    }
    if (asked === 'Closed') {
      throw new DomainError('invalid-input', "only a won deal is in the category 'Closed'", [
        {
          where: 'forecastCategory',
          value: asked,
          reason: 'an open deal is Pipeline, Best Case, Commit or Omitted',
        },
      ]);
    }
    return { value: asked, overridden: true };
  }
  const followStage = target !== null && (target.isClosed || !current.forecastCategoryOverridden);
  if (asked !== null && !followStage) return null;
  const stage = target ?? options.stages.find((s) => s.name === current.stage);
  if (!stage) {
    throw new DomainError(
      'invalid-input',
      `the stage '${current.stage}' is not configured, so it has no default category`,
      [{ where: 'forecastCategory', reason: 'choose a category instead of null' }],
    );
  }
  return { value: stage.forecastCategory, overridden: false };
}

/** The close date to set, or undefined to leave it alone. */
function planCloseDate(options: PlanOpportunityEditOptions, target: Stage | null): string | null | undefined {
  const { current, edit } = options;
  const today = dayInZone(options.now, options.timeZone);
  const closesNow = target !== null && target.isClosed && !current.isClosed;
  const closedAfter = target ? target.isClosed : current.isClosed;
  const day = edit.closeDate ?? (closesNow ? today : undefined);
  if (day === undefined) return undefined;
  if (!isRealDay(day)) {
    throw new DomainError('invalid-input', `'${day}' is not a date`, [
      { where: 'closeDate', value: day, reason: 'expected YYYY-MM-DD' },
    ]);
  }
  if (closedAfter && day > today) {
    throw new DomainError('invalid-input', `a won or lost deal cannot close after today (${today})`, [
      { where: 'closeDate', value: day, reason: 'the close date of a closed deal is the day it closed' },
    ]);
  }
  return day;
}

function planFieldChanges(
  current: Record<string, string>,
  asked: Record<string, string | null> | undefined,
): Record<string, string | null> | null {
  if (!asked) return null;
  const changes: Record<string, string | null> = {};
  for (const [rawKey, rawValue] of Object.entries(asked)) {
    const key = rawKey.trim();
    if (key === '') {
      throw new DomainError('invalid-input', 'a field needs a name', [
        { where: 'fields', reason: 'blank key' },
      ]);
    }
    const value = cleanText(rawValue);
    if ((current[key] ?? null) !== value) changes[key] = value;
  }
  return Object.keys(changes).length > 0 ? changes : null;
}

function requireStageFields(current: OpportunityState, changes: OpportunityChanges, stage: Stage): void {
  const { fields: fieldChanges, ...scalars } = changes;
  const fields = { ...current.fields };
  for (const [key, value] of Object.entries(fieldChanges ?? {})) {
    if (value === null) delete fields[key];
    else fields[key] = value;
  }
  const after: OpportunityState = { ...current, ...(scalars as Partial<OpportunityState>), fields };
  const missing = findMissingRequirements(after, stage);
  // Closed Lost always needs a loss reason, configured or not: what we lose to is what the company learns from.
  if (
    stage.isClosed &&
    !stage.isWon &&
    !after.lossReason?.trim() &&
    !missing.some((m) => m.where === 'lossReason')
  ) {
    missing.push({ key: 'lossReason', where: 'lossReason', label: 'Loss reason' });
  }
  if (missing.length === 0) return;
  throw new DomainError(
    'stage-requirements-missing',
    `the stage ${stage.name} needs: ${missing.map((m) => m.label).join(', ')}`,
    missing.map((m) => ({ where: m.where, reason: `${m.label} is required to enter ${stage.name}` })),
  );
}

function cleanText(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function isRealDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}
