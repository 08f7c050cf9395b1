import { z } from 'zod';
import { daySchema, decimalAmountSchema, instantTextSchema, seqSchema } from './common-schemas.js';

export const backtestQuerySchema = z.object({
  from: daySchema.optional().describe('first day of the range; by default the last four completed quarters'),
  to: daySchema.optional().describe('last day of the range'),
});

const methodSchema = z.enum(['candor', 'stage-weighted', 'commit-plus-closed', 'submitted-call']);
const share = z.number().nullable();

const summarySchema = z.object({
  forecasts: z.number().int(),
  apeByWeek: z.array(z.object({ week: z.number().int(), ape: z.number(), forecasts: z.number().int() })),
  wape: share.describe('Σ|forecast − actual| / Σ actual'),
  bias: share.describe('Σ(forecast − actual) / Σ actual; negative under-forecasts'),
  within5: share,
  within10: share,
  coverage: share.describe('share of forecasts with P10 ≤ actual ≤ P90; null for point forecasts'),
  pinball: share.describe('mean pinball loss over P10/P50/P90 over the mean actual'),
  brier: share.describe('per-deal Brier score of win probabilities'),
});

const reliabilityBinSchema = z.object({
  from: z.number(),
  to: z.number(),
  deals: z.number().int(),
  meanPredicted: share,
  observedRate: share,
});

export const backtestReportSchema = z.object({
  from: daySchema,
  to: daySchema.describe('first day after the range'),
  currency: z.string(),
  methodVersion: z.string(),
  trials: z.number().int(),
  ledgerSeq: seqSchema.describe('the ledger length the backtest replayed'),
  cached: z.boolean().describe('true when this ledger head and range had already been backtested'),
  periods: z.array(
    z.object({
      period: z.string(),
      actual: decimalAmountSchema,
      wonDeals: z.number().int(),
      backdated: z.object({ deals: z.number().int(), amount: decimalAmountSchema }),
    }),
  ),
  rows: z.array(
    z.object({
      method: methodSchema,
      period: z.string(),
      week: z.number().int(),
      asOf: instantTextSchema,
      forecast: decimalAmountSchema,
      p10: decimalAmountSchema.nullable(),
      p50: decimalAmountSchema.nullable(),
      p90: decimalAmountSchema.nullable(),
      actual: decimalAmountSchema,
    }),
  ),
  summary: z.object({
    candor: summarySchema,
    'stage-weighted': summarySchema,
    'commit-plus-closed': summarySchema,
    'submitted-call': summarySchema,
  }),
  reliability: z
    .object({ candor: z.array(reliabilityBinSchema), 'stage-weighted': z.array(reliabilityBinSchema) })
    .partial()
    .describe('predicted vs observed win rate of open deals by tenths of probability'),
  notes: z.array(z.string()),
});
export type BacktestResponse = z.infer<typeof backtestReportSchema>;
export type BacktestMethodName = z.infer<typeof methodSchema>;
