import { describe, expect, it } from 'vitest';
import { defaultStages } from '../stage.js';
import { createStageTally, deriveStages, tallyStage } from './stage-catalog.js';

describe('deriveStages', () => {
  it('defines each new stage by what most rows say about it', () => {
    const tally = createStageTally();
    tallyStage(tally, {
      name: 'Negotiation/Review',
      order: 8,
      probability01: 0.9,
      forecastCategory: 'Pipeline',
      isClosed: false,
      isWon: false,
    });
    tallyStage(tally, {
      name: 'Negotiation/Review',
      order: 8,
      probability01: 0.8,
      forecastCategory: 'Pipeline',
      isClosed: false,
      isWon: false,
    });
    tallyStage(tally, { name: 'Negotiation/Review', probability01: 0.9, forecastCategory: 'Commit' });
    tallyStage(tally, {
      name: 'Signed',
      order: 12,
      probability01: 1,
      forecastCategory: 'Closed',
      isClosed: true,
      isWon: true,
    });
    expect(deriveStages([], tally)).toEqual([
      {
        name: 'Negotiation/Review',
        order: 8,
        probability01: 0.9,
        forecastCategory: 'Pipeline',
        isClosed: false,
        isWon: false,
        requiredFields: [],
        active: true,
      },
      {
        name: 'Signed',
        order: 12,
        probability01: 1,
        forecastCategory: 'Closed',
        isClosed: true,
        isWon: true,
        requiredFields: [],
        active: true,
      },
    ]);
  });

  it('fills facts no row states from Salesforce’s standard stage, else from the name', () => {
    const tally = createStageTally();
    tallyStage(tally, { name: 'Closed Lost' });
    tallyStage(tally, { name: 'Deal lost' });
    const derived = deriveStages([], tally);
    expect(derived.find((s) => s.name === 'Closed Lost')).toMatchObject({
      order: 10,
      isClosed: true,
      isWon: false,
      forecastCategory: 'Omitted',
    });
    expect(derived.find((s) => s.name === 'Deal lost')).toMatchObject({
      order: 11,
      isClosed: true,
      isWon: false,
      forecastCategory: 'Omitted',
      probability01: 0,
    });
  });

  it('leaves the stages the organisation knows alone', () => {
    const tally = createStageTally();
    tallyStage(tally, { name: 'Prospecting', order: 99, probability01: 0.5 });
    expect(deriveStages(defaultStages, tally)).toEqual([]);
  });
});
