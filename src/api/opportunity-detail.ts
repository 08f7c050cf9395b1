import { z } from 'zod';
import {
  daySchema,
  decimalAmountSchema,
  forecastCategories,
  instantQuerySchema,
  instantTextSchema,
  seqSchema,
} from './common-schemas.js';

export const opportunityParamsSchema = z.object({
  id: z.string().min(1).max(200).describe('the opportunity id'),
});

export const opportunityDetailQuerySchema = z.object({
  asOf: instantQuerySchema
    .optional()
    .describe('the deal as it stood at this instant (the version of it in effect then)'),
});

const namedRefSchema = z.object({ id: z.string(), name: z.string().nullable() });

export const opportunityDetailSchema = z.object({
  id: z.string(),
  name: z.string(),
  account: namedRefSchema.nullable(),
  owner: namedRefSchema.nullable(),
  amount: decimalAmountSchema.nullable().describe('in the deal currency; null when never entered'),
  currency: z.string(),
  corporateAmount: decimalAmountSchema.nullable(),
  corporateCurrency: z.string(),
  stage: z.string(),
  stageEnteredAt: instantTextSchema,
  probability: z.number().nullable().describe('in [0, 1]'),
  forecastCategory: z.enum(forecastCategories),
  forecastCategoryOverridden: z.boolean(),
  isClosed: z.boolean(),
  isWon: z.boolean(),
  closeDate: daySchema.nullable(),
  createdAt: instantTextSchema,
  nextStep: z.string().nullable(),
  lossReason: z.string().nullable(),
  competitor: z.string().nullable(),
  type: z.string().nullable(),
  leadSource: z.string().nullable(),
  fields: z.record(z.string(), z.string()).describe('supporting information (MEDDICC) and custom fields'),
  pushCount: z.number().int(),
  closedRecordedAt: instantTextSchema.nullable(),
  updatedAt: instantTextSchema,
  lastSeq: seqSchema,
  marks: z.object({
    isLateRecordedClose: z
      .boolean()
      .describe('won or lost, but recorded more than the configured days after the close date'),
    backdatedChanges: z
      .number()
      .int()
      .describe('changes entered with a business time well before the moment they were recorded'),
  }),
  asOf: instantTextSchema
    .nullable()
    .describe(
      'the instant the deal is shown as of (backdated marks count changes in effect by then); null: now',
    ),
});
export type OpportunityDetailResponse = z.infer<typeof opportunityDetailSchema>;
