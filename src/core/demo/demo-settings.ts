import type { Currency, OrgSettings } from '../org-entities.js';
import { defaultStages, type Stage } from '../stage.js';
import type { Random } from './random.js';

/** The demo's settings: a January fiscal year in UTC, clearly named and flagged as demo data. */
export const demoSettings: OrgSettings = {
  name: 'Demo Org — sample data',
  isDemo: true,
  corporateCurrency: 'USD',
  timeZone: 'UTC',
  fiscalYearStartMonth: 1,
  fiscalYearNamedBy: 'end',
  weekStartDay: 1,
  backdatedAfterHours: 72,
  lateCloseAfterDays: 7,
};

export const demoCurrencies: readonly Currency[] = [
  { code: 'USD', decimals: 2 },
  { code: 'EUR', decimals: 2 },
  { code: 'GBP', decimals: 2 },
];

/**
 * The stages of a new Salesforce org, with the fields a deal must carry to enter the late ones:
 * no deal reaches negotiation without a known economic buyer and a next step, and no loss is
 * recorded without its reason.
 */
const requiredFields: Record<string, string[]> = {
  'Negotiation/Review': ['economicBuyer', 'nextStep'],
  'Closed Lost': ['lossReason'],
};

export const demoStages: readonly Stage[] = defaultStages.map((stage) => ({
  ...stage,
  requiredFields: requiredFields[stage.name] ?? [],
}));

export type DemoRate = { code: string; validFrom: string; rate: string };

/** Starting rates (USD for one unit) and how far each may drift in a quarter. */
const rateWalks = [
  { code: 'EUR', start: 1.085, drift: 0.025 },
  { code: 'GBP', start: 1.27, drift: 0.03 },
];

/**
 * A rate per currency for each day in `validFrom` (quarter starts), as a random walk around a
 * plausible level, written with four decimals.
 */
export function planDemoRates(random: Random, validFrom: readonly string[]): DemoRate[] {
  const rates: DemoRate[] = [];
  for (const walk of rateWalks) {
    let level = walk.start;
    for (const day of validFrom) {
      rates.push({ code: walk.code, validFrom: day, rate: level.toFixed(4) });
      level *= 1 + random.between(-walk.drift, walk.drift);
    }
  }
  return rates;
}

/** The rate in force on a day (the latest on or before it); 1 for the corporate currency. */
export function rateOn(rates: readonly DemoRate[], code: string, day: string): number {
  let rate = code === demoSettings.corporateCurrency ? 1 : Number.NaN;
  for (const candidate of rates) {
    if (candidate.code === code && (candidate.validFrom <= day || Number.isNaN(rate))) {
      rate = Number(candidate.rate);
    }
  }
  return rate;
}
