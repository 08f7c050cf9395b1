import { z } from 'zod';
import {
  daySchema,
  decimalAmountSchema,
  instantQuerySchema,
  instantTextSchema,
  periodSchema,
  seqSchema,
} from './common-schemas.js';

export const forecastQuerySchema = z.object({
  period: periodSchema,
  asOf: instantQuerySchema.optional().describe('forecast as it could have been made then; now when absent'),
  team: z.string().min(1).optional().describe('only deals owned by members of this team or teams below it'),
  owner: z.string().min(1).optional().describe('only deals owned by this person'),
  deals: z
    .enum(['true', 'false'])
    .optional()
    .describe('list the open deals with their probabilities (default false)'),
});

const componentMethodSchema = z.enum(['ledger', 'history', 'stage-default', 'run-rate', 'none']);

const componentSchema = z.object({
  expected: decimalAmountSchema.describe('expected contribution in the corporate currency'),
  deals: z.number().int().describe('deals behind this component (0 for the run rate)'),
  method: componentMethodSchema,
  /** Set when the component fell back to a simpler method or has little history behind it. */
  note: z.string().nullable(),
});

const forecastDealSchema = z.object({
  id: z.string(),
  ownerId: z.string().nullable(),
  stage: z.string(),
  closeDate: daySchema.nullable(),
  amount: decimalAmountSchema.nullable().describe('the deal amount in the corporate currency'),
  amountImputed: z.boolean().describe('true when the deal has no amount and the typical won amount stood in'),
  pushCount: z.number().int(),
  daysInStage: z.number().int(),
  ageDays: z.number().int(),
  winProbability: z.number().min(0).max(1).describe('chance the deal is won at all'),
  inPeriodProbability: z.number().min(0).max(1).describe('chance a win lands inside the period'),
  probability: z.number().min(0).max(1).describe('chance of a win inside the period (the product)'),
  expected: decimalAmountSchema.describe('probability × amount × historical amount change'),
});

export const forecastReportSchema = z.object({
  period: z.string(),
  asOf: instantTextSchema,
  currency: z.string().describe('the corporate currency of every amount'),
  teamId: z.string().nullable(),
  ownerId: z.string().nullable(),
  closeFrom: daySchema,
  closeTo: daySchema.describe('first day after the period'),
  weekOfPeriod: z.number().int().describe('week of the period the as-of moment falls in (1-based)'),
  weeksInPeriod: z.number().int(),
  expected: decimalAmountSchema.describe(
    'expected bookings: closed won + open pipeline + not yet in the pipeline',
  ),
  p10: decimalAmountSchema,
  p50: decimalAmountSchema,
  p90: decimalAmountSchema,
  components: z.object({
    closedWon: componentSchema,
    openPipeline: componentSchema,
    notInPipeline: componentSchema,
  }),
  thinData: z.boolean().describe('true when any component fell back to a simpler method'),
  notes: z.array(z.string()),
  model: z.object({
    version: z.string(),
    trials: z.number().int(),
    seed: z.number().int(),
    trainingSnapshots: z.number().int().describe('(deal, week) observations the win model learnt from'),
    trainingPeriods: z.array(z.string()),
    shockSd: z
      .number()
      .describe('standard deviation of the log-odds shift shared by the open deals per trial'),
    remainderShockSd: z
      .number()
      .describe('log standard deviation of the period-level factor on the uncertain remainder per trial'),
    shockMethod: z
      .enum(['past-errors', 'model', 'model-thin-data'])
      .describe(
        "the band sized from this organisation's past forecast errors, or the model's own (widened on thin data)",
      ),
    pastErrors: z
      .array(z.object({ period: z.string(), logError: z.number() }))
      .describe('ln(actual ÷ expected) of the forecast of each finished period at the same point'),
    amountChangeRatio: z.number().describe('won amount over the amount the pipeline showed, from history'),
  }),
  ledgerSeq: seqSchema.describe('the ledger length the forecast was computed from'),
  recordedSeq: seqSchema.nullable().describe('the ledger event that stored this forecast, when stored'),
  deals: z.array(forecastDealSchema),
});
export type ForecastResponse = z.infer<typeof forecastReportSchema>;
export type ForecastDealResponse = z.infer<typeof forecastDealSchema>;
