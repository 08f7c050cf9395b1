import type { Stage } from '../../stage.js';
import type { HygieneRule } from '../hygiene-rule.js';

/**
 * An open deal that first appeared already in a late stage, skipping the process: by default the
 * first open stage whose category is Best Case or Commit and every stage after it; an admin may
 * name another first late stage.
 */
export const createdLateStage: HygieneRule<'created-late-stage'> = {
  id: 'created-late-stage',
  includesClosed: false,
  evaluate: (deal, context) => {
    if (deal.isClosed) return null;
    const late = firstLateStageOf(context.stages, context.thresholds.stage);
    const first = context.stages.find((s) => s.name === deal.firstStage);
    if (!late || !first || first.isClosed || first.order < late.order) return null;
    return {
      evidence: `created directly in ${deal.firstStage} (late stages start at ${late.name})`,
      since: deal.firstSeenAt,
    };
  },
};

/**
 * findFirstLateStage, remembered for each stage list (one per evaluation) and setting: the rule
 * asks for every deal, and filtering and sorting the stages each time was most of its cost.
 */
function firstLateStageOf(stages: readonly Stage[], configured: string | null): Stage | null {
  let bySetting = firstLateStages.get(stages);
  if (!bySetting) firstLateStages.set(stages, (bySetting = new Map()));
  let late = bySetting.get(configured);
  if (late === undefined) bySetting.set(configured, (late = findFirstLateStage(stages, configured)));
  return late;
}

const firstLateStages = new WeakMap<readonly Stage[], Map<string | null, Stage | null>>();

/** The first stage that counts as late: the configured one, else the first Best Case or Commit stage. */
export function findFirstLateStage(stages: readonly Stage[], configured: string | null): Stage | null {
  if (configured !== null) return stages.find((s) => s.name === configured) ?? null;
  const open = stages.filter((s) => !s.isClosed).sort((a, b) => a.order - b.order);
  return open.find((s) => s.forecastCategory === 'Best Case' || s.forecastCategory === 'Commit') ?? null;
}
