import { findMissingRequirements } from '../../opportunity-edit/stage-requirements.js';
import type { OpportunityState } from '../../opportunity.js';
import type { DealFacts } from '../deal-facts.js';
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
    const missing = findMissingRequirements(toRequirementView(deal, context.asOf), stage);
    if (missing.length === 0) return null;
    return {
      evidence: `${deal.stage} requires ${missing.map((m) => m.label).join(', ')}: missing`,
      since: laterOf(deal.stageEnteredAt, deal.since.fields),
    };
  },
};

/**
 * The deal as the requirement check reads it (its own fields only; the rest of the state is
 * filler), written out rather than spread: spreading the facts with extra keys took the engine's
 * slow path, twenty times the cost of the check itself on 100,000 deals.
 */
function toRequirementView(deal: DealFacts, asOf: Date): OpportunityState {
  return {
    id: deal.id,
    name: deal.name,
    ownerId: deal.ownerId,
    accountId: deal.accountId,
    stage: deal.stage,
    forecastCategory: deal.forecastCategory,
    isClosed: deal.isClosed,
    isWon: deal.isWon,
    closeDate: deal.closeDate,
    amountMinor: deal.amountMinor,
    currency: deal.currency,
    nextStep: deal.nextStep,
    competitor: deal.competitor,
    type: deal.type,
    leadSource: deal.leadSource,
    lossReason: deal.lossReason,
    fields: deal.fields,
    createdAt: deal.createdAt,
    stageEnteredAt: deal.stageEnteredAt,
    closedRecordedAt: deal.closedRecordedAt,
    probability01: null,
    forecastCategoryOverridden: false,
    pushCount: deal.pushes.length,
    updatedAt: asOf,
    lastSeq: 0n,
  };
}
