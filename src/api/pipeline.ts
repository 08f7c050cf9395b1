import { z } from 'zod';
import {
  daySchema,
  decimalAmountSchema,
  forecastCategories,
  instantQuerySchema,
  instantTextSchema,
  periodSchema,
} from './common-schemas.js';

export const pipelineQuerySchema = z.object({
  period: periodSchema,
  asOf: instantQuerySchema.optional().describe('look back to this instant; the current state when absent'),
});

const categoryTotalSchema = z.object({
  deals: z.number().int(),
  amount: decimalAmountSchema.describe('in the corporate currency'),
});

export const pipelineReportSchema = z.object({
  period: z.string(),
  asOf: instantTextSchema.nullable(),
  currency: z.string().describe('the corporate currency of every amount'),
  closeFrom: daySchema.describe('first close date counted'),
  closeTo: daySchema.describe('first close date after the period (exclusive)'),
  categories: z.object(
    Object.fromEntries(forecastCategories.map((c) => [c, categoryTotalSchema])) as Record<
      (typeof forecastCategories)[number],
      typeof categoryTotalSchema
    >,
  ),
  unconverted: z.number().int().describe('deals left out of the amounts: their currency has no rate'),
});
export type PipelineResponse = z.infer<typeof pipelineReportSchema>;
