import type { NewEvent } from '../src/core/ledger-event.js';
import { opportunityChangesToPayload, opportunityFieldsToPayload } from '../src/core/opportunity-payload.js';
import { defaultStages } from '../src/core/stage.js';

/**
 * Synthetic ledger history for benchmarks: `deals` opportunities, `eventsPerDeal` events each
 * (one creation, then stage moves, close-date pushes and amount changes), spread over two years, with
 * close dates across eight quarters and 200 owners. Deterministic (a fixed linear congruential
 * sequence), so runs compare.
 */
export function* generatePipelineHistory(options: {
  deals: number;
  eventsPerDeal: number;
  firstDeal?: number;
}): Generator<NewEvent> {
  let state = 12345 + (options.firstDeal ?? 0);
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const open = defaultStages.filter((s) => !s.isClosed);
  const start = Date.UTC(2023, 0, 1);
  const day = 86_400_000;
  for (let n = 0; n < options.deals; n += 1) {
    const index = (options.firstDeal ?? 0) + n;
    const id = `bench-${index}`;
    const createdMs = start + Math.floor(random() * 600) * day;
    let closeMs = createdMs + (30 + Math.floor(random() * 150)) * day;
    let stageIndex = 0;
    const first = open[0]!;
    const base = {
      businessTime: new Date(createdMs),
      actor: 'bench',
      source: 'import' as const,
      batchId: 'bench',
      entityType: 'opportunity' as const,
      entityId: id,
      originKey: null,
    };
    yield {
      ...base,
      kind: 'opportunity.created',
      payload: opportunityFieldsToPayload({
        name: `Deal ${index}`,
        accountId: `acct-${index % 5000}`,
        ownerId: `rep-${index % 200}`,
        amountMinor: BigInt(1_000_00 + Math.floor(random() * 200_000_00)),
        currency: 'USD',
        stage: first.name,
        probability01: first.probability01,
        forecastCategory: first.forecastCategory,
        forecastCategoryOverridden: false,
        isClosed: false,
        isWon: false,
        closeDate: new Date(closeMs).toISOString().slice(0, 10),
        createdAt: new Date(createdMs),
        nextStep: null,
        lossReason: null,
        competitor: null,
        type: null,
        leadSource: null,
        fields: {},
      }),
    };
    let at = createdMs;
    for (let e = 1; e < options.eventsPerDeal; e += 1) {
      at += (1 + Math.floor(random() * 6)) * day;
      const roll = random();
      let changes;
      if (e === options.eventsPerDeal - 1 && random() < 0.6) {
        const won = random() < 0.4;
        const stage = defaultStages.find((s) => s.isClosed && s.isWon === won)!;
        changes = {
          stage: stage.name,
          isClosed: true,
          isWon: won,
          forecastCategory: stage.forecastCategory,
          probability01: stage.probability01,
        };
      } else if (roll < 0.4 && stageIndex < open.length - 1) {
        stageIndex += 1;
        const stage = open[stageIndex]!;
        changes = {
          stage: stage.name,
          forecastCategory: stage.forecastCategory,
          probability01: stage.probability01,
        };
      } else if (roll < 0.7) {
        closeMs += (7 + Math.floor(random() * 60)) * day;
        changes = { closeDate: new Date(closeMs).toISOString().slice(0, 10) };
      } else {
        changes = { amountMinor: BigInt(1_000_00 + Math.floor(random() * 200_000_00)) };
      }
      yield {
        ...base,
        businessTime: new Date(at),
        kind: 'opportunity.changed',
        payload: opportunityChangesToPayload(changes),
      };
    }
  }
}
