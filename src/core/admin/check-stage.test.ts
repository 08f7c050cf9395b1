import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error.js';
import type { Stage } from '../stage.js';
import { checkStage } from './check-stage.js';

const open: Stage = {
  name: 'Discovery',
  order: 1,
  probability01: 0.1,
  forecastCategory: 'Pipeline',
  isClosed: false,
  isWon: false,
  requiredFields: [' nextStep '],
  active: true,
};

function problems(stage: Stage): string[] {
  try {
    checkStage(stage);
  } catch (error) {
    if (error instanceof DomainError) return error.details.map((d) => `${d.where}: ${d.reason}`);
    throw error;
  }
  return [];
}

describe('checkStage', () => {
  it('accepts consistent stages, trimming required field names', () => {
    expect(checkStage(open).requiredFields).toEqual(['nextStep']);
    const won = {
      ...open,
      isClosed: true,
      isWon: true,
      forecastCategory: 'Closed' as const,
      probability01: 1,
    };
    expect(problems(won)).toEqual([]);
    const lost = { ...open, isClosed: true, forecastCategory: 'Omitted' as const, probability01: 0 };
    expect(problems(lost)).toEqual([]);
  });

  it('refuses contradictions, naming each', () => {
    expect(problems({ ...open, isWon: true })).toEqual([
      'isWon: a won stage is a closed stage: set isClosed too',
    ]);
    expect(problems({ ...open, isClosed: true, isWon: true })).toEqual([
      'forecastCategory: a won stage is in the category Closed',
      'probability: a won stage has probability 1',
    ]);
    expect(problems({ ...open, isClosed: true, probability01: 0.2 })).toEqual([
      'forecastCategory: a lost stage is in the category Omitted',
      'probability: a lost stage has probability 0',
    ]);
    expect(problems({ ...open, forecastCategory: 'Closed' })).toEqual([
      'forecastCategory: only a won stage is in the category Closed',
    ]);
    expect(problems({ ...open, requiredFields: ['champion', ' ', 'champion '] })).toEqual([
      'requiredFields: a required field needs a name',
      "requiredFields: 'champion' is listed twice",
    ]);
  });
});
