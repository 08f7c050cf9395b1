import type { OpportunityFields } from '../opportunity.js';
import type { Stage } from '../stage.js';

/**
 * What one source row states about an opportunity: a Salesforce OpportunityHistory snapshot states
 * stage, amount, close date, probability and category; an OpportunityFieldHistory row one field.
 * Keys left undefined are not stated. A `fields` entry of null removes that key.
 */
export type OpportunityPatch = Partial<Omit<OpportunityFields, 'fields'>> & {
  fields?: Record<string, string | null>;
};

/**
 * The state after a patch, with what the stage implies: closed and won come from the stage; a new
 * stage brings its default probability and forecast category unless the row states its own; the
 * category counts as overridden when it differs from the stage's default (as Salesforce lets an
 * owner set it).
 */
export function applyOpportunityPatch(
  state: OpportunityFields,
  patch: OpportunityPatch,
  stages: ReadonlyMap<string, Stage>,
): OpportunityFields {
  const next: OpportunityFields = { ...state, fields: state.fields };
  const target = next as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (key !== 'fields' && value !== undefined) target[key] = value;
  }
  if (patch.fields) {
    const merged = { ...state.fields };
    for (const [key, value] of Object.entries(patch.fields)) {
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    next.fields = merged;
  }
  const stage = stages.get(next.stage);
  if (stage) {
    const stageChanged = next.stage !== state.stage;
    next.isClosed = stage.isClosed;
    next.isWon = stage.isWon;
    if (stageChanged && patch.probability01 === undefined) next.probability01 = stage.probability01;
    if (stageChanged && patch.forecastCategory === undefined) next.forecastCategory = stage.forecastCategory;
    next.forecastCategoryOverridden = next.forecastCategory !== stage.forecastCategory;
  }
  return next;
}

/** An opportunity's values as a source row gives them; the rest follows from its stage. */
export type OpportunityValues = Omit<
  OpportunityFields,
  'probability01' | 'forecastCategory' | 'forecastCategoryOverridden' | 'isClosed' | 'isWon'
> & {
  probability01: number | null;
  forecastCategory: OpportunityFields['forecastCategory'] | null;
};

/** The full fields of an opportunity: probability and category default to the stage's. */
export function completeOpportunityFields(
  values: OpportunityValues,
  stages: ReadonlyMap<string, Stage>,
): OpportunityFields {
  const stage = stages.get(values.stage);
  const forecastCategory = values.forecastCategory ?? stage?.forecastCategory ?? 'Pipeline';
  return {
    ...values,
    probability01: values.probability01 ?? stage?.probability01 ?? null,
    forecastCategory,
    forecastCategoryOverridden: stage ? forecastCategory !== stage.forecastCategory : false,
    isClosed: stage?.isClosed ?? false,
    isWon: stage?.isWon ?? false,
  };
}
