import { findMissingRequirements } from '../../opportunity-edit/stage-requirements.js';
import type { HygieneRule } from '../hygiene-rule.js';
import { laterOf } from '../hygiene-time.js';

/**
 * An open deal lacking a field its stage requires (decision maker, economic buyer, competitor,
 * next step, …). Edits in Candor are refused at the door; imports are not, so this rule catches
 * what came in from the CRM, and deals whose stage gained a requirement later.
 */
export const missingRequiredFields: HygieneRule<'missing-required-fields'> = {
  id: 'missing-required-fields',
  includesClosed: false,
  evaluate: (deal, context) => {
    if (deal.isClosed) return null;
    const stage = context.stages.find((s) => s.name === deal.stage);
    if (!stage || stage.requiredFields.length === 0) return null;
    // The requirement check reads the deal's own fields only; the rest of the state is filler.
    const missing = findMissingRequirements(
      {
        ...deal,
        probability01: null,
        forecastCategoryOverridden: false,
        pushCount: deal.pushes.length,
        updatedAt: context.asOf,
        lastSeq: 0n,
      },
      stage,
    );
    if (missing.length === 0) return null;
    return {
      evidence: `${deal.stage} requires ${missing.map((m) => m.label).join(', ')}: missing`,
      since: laterOf(deal.stageEnteredAt, deal.since.fields),
    };
  },
};
