import { z } from 'zod';
import {
  daySchema,
  decimalAmountSchema,
  forecastCategories,
  instantQuerySchema,
  instantTextSchema,
  periodSchema,
  repeatedQuerySchema,
} from './common-schemas.js';

export const opportunitySorts = ['closeDate', 'amount', 'name'] as const;
export const maxPageSize = 500;

export const opportunityListQuerySchema = z
  .object({
    period: periodSchema.optional().describe('deals closing in this fiscal period'),
    closeFrom: daySchema.optional().describe('deals closing on or after this day'),
    closeTo: daySchema.optional().describe('deals closing before this day (exclusive)'),
    asOf: instantQuerySchema.optional().describe('the deals as they stood at this instant'),
    owner: repeatedQuerySchema(z.string().min(1)).optional().describe('owner user id; repeat for several'),
    team: z.string().min(1).optional().describe('team id: deals owned by members of it or its sub-teams'),
    stage: repeatedQuerySchema(z.string().min(1)).optional().describe('stage name; repeat for several'),
    category: repeatedQuerySchema(z.enum(forecastCategories))
      .optional()
      .describe('forecast category; repeat for several'),
    search: z.string().min(1).max(200).optional().describe('part of the deal name, any case'),
    sort: z.enum(opportunitySorts).default('closeDate'),
    order: z.enum(['asc', 'desc']).default('asc'),
    limit: z.coerce.number().int().min(1).max(maxPageSize).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .superRefine((query, context) => {
    if (query.period !== undefined && (query.closeFrom !== undefined || query.closeTo !== undefined)) {
      context.addIssue({
        code: 'custom',
        path: [query.closeFrom !== undefined ? 'closeFrom' : 'closeTo'],
        message: 'give either period or closeFrom/closeTo, not both',
      });
    }
    if (query.closeFrom !== undefined && query.closeTo !== undefined && query.closeFrom >= query.closeTo) {
      context.addIssue({ code: 'custom', path: ['closeTo'], message: 'closeTo must be after closeFrom' });
    }
  });
export type OpportunityListQuery = z.output<typeof opportunityListQuerySchema>;

export const opportunityListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  stage: z.string(),
  forecastCategory: z.enum(forecastCategories),
  amount: decimalAmountSchema.nullable().describe('in the deal currency; null when never entered'),
  currency: z.string(),
  corporateAmount: decimalAmountSchema
    .nullable()
    .describe('in the corporate currency; null without an amount or a rate'),
  closeDate: daySchema.nullable(),
  isClosed: z.boolean(),
  isWon: z.boolean(),
  pushCount: z.number().int().describe('how many times the close date moved later while open'),
  createdAt: instantTextSchema,
  nextStep: z.string().nullable(),
  isLateRecordedClose: z
    .boolean()
    .describe('won or lost, but recorded more than the configured days after the close date'),
});
export type OpportunityListItem = z.infer<typeof opportunityListItemSchema>;

export const opportunityListSchema = z.object({
  total: z.number().int().describe('deals matching the filters, before paging'),
  limit: z.number().int(),
  offset: z.number().int(),
  currency: z.string().describe('the corporate currency'),
  items: z.array(opportunityListItemSchema),
});
export type OpportunityListResponse = z.infer<typeof opportunityListSchema>;

export const dealFilterOptionsQuerySchema = z.object({
  asOf: instantQuerySchema.optional().describe('the owners of the deals as they stood at this instant'),
});

export const dealFilterOptionsSchema = z.object({
  owners: z
    .array(z.object({ id: z.string(), name: z.string(), active: z.boolean() }))
    .describe('the people who own deals the caller can see, by name'),
  stages: z
    .array(z.object({ name: z.string(), isClosed: z.boolean(), active: z.boolean() }))
    .describe('every stage, in pipeline order'),
});
export type DealFilterOptionsResponse = z.infer<typeof dealFilterOptionsSchema>;
