import { z } from 'zod';
import { daySchema, forecastCategories } from './common-schemas.js';

/** Stages, organisation settings and currencies, as the administration pages show and change them. */
export const adminStageSchema = z.object({
  name: z.string(),
  order: z.number().int().describe('position in the sales process, ascending'),
  probability: z.number().min(0).max(1).describe('default win probability in [0, 1]'),
  forecastCategory: z.enum(forecastCategories),
  isClosed: z.boolean(),
  isWon: z.boolean(),
  requiredFields: z
    .array(z.string())
    .describe('deal fields (nextStep, amount, closeDate, …) or supporting-information keys needed to enter'),
  active: z.boolean().describe('false retires the stage: deals can no longer enter it'),
});
export type AdminStage = z.infer<typeof adminStageSchema>;

export const adminStageListSchema = z.object({ stages: z.array(adminStageSchema) });

export const stageParamsSchema = z.object({ name: z.string().min(1).max(100).describe('the stage name') });

const stageFields = {
  order: z.number().int().min(0).max(10_000),
  probability: z.number().min(0, 'a probability is in [0, 1]').max(1, 'a probability is in [0, 1]'),
  forecastCategory: z.enum(forecastCategories, `expected one of: ${forecastCategories.join(', ')}`),
  isClosed: z.boolean(),
  isWon: z.boolean(),
  requiredFields: z.array(z.string().max(100)).max(50),
  active: z.boolean(),
};

export const createStageSchema = z.object({
  name: z.string().trim().min(1, 'a name is required').max(100),
  order: stageFields.order.optional().describe('default: after the last stage'),
  probability: stageFields.probability,
  forecastCategory: stageFields.forecastCategory,
  isClosed: stageFields.isClosed.default(false),
  isWon: stageFields.isWon.default(false),
  requiredFields: stageFields.requiredFields.default([]),
  active: stageFields.active.default(true),
});
export type CreateStageRequest = z.infer<typeof createStageSchema>;

export const changeStageSchema = z
  .object(stageFields)
  .partial()
  .refine((change) => Object.keys(change).length > 0, { message: 'give at least one field to change' });
export type ChangeStageRequest = z.infer<typeof changeStageSchema>;

export const adminSettingsSchema = z.object({
  name: z.string(),
  isDemo: z.boolean(),
  corporateCurrency: z.string(),
  timeZone: z.string().describe('IANA time zone where days, weeks and periods begin'),
  fiscalYearStartMonth: z.number().int().describe('1 = January'),
  fiscalYearNamedBy: z.enum(['start', 'end']).describe('whether FY2027 starts or ends in calendar 2027'),
  weekStartDay: z.number().int().describe('1 = Monday … 7 = Sunday'),
  backdatedAfterHours: z
    .number()
    .describe('a change dated more than this before it was entered is backdated'),
  lateCloseAfterDays: z.number().describe('a close recorded more than this after its close date is late'),
});
export type AdminSettings = z.infer<typeof adminSettingsSchema>;

export const changeSettingsSchema = z
  .object({
    name: z.string().trim().min(1, 'a name is required').max(200),
    timeZone: z.string().trim().min(1).max(100),
    fiscalYearStartMonth: z.number().int().min(1, 'a month is 1 to 12').max(12, 'a month is 1 to 12'),
    fiscalYearNamedBy: z.enum(['start', 'end'], "expected 'start' or 'end'"),
    weekStartDay: z
      .number()
      .int()
      .min(1, 'a weekday is 1 (Monday) to 7')
      .max(7, 'a weekday is 1 (Monday) to 7'),
    backdatedAfterHours: z
      .number()
      .positive('expected a positive number of hours')
      .max(24 * 366),
    lateCloseAfterDays: z.number().positive('expected a positive number of days').max(366),
  })
  .partial()
  .refine((change) => Object.keys(change).length > 0, { message: 'give at least one setting to change' });
export type ChangeSettingsRequest = z.infer<typeof changeSettingsSchema>;

const rateSchema = z
  .string()
  .trim()
  .max(40)
  .regex(/^\d+(\.\d+)?$/, 'expected a decimal number such as 1.0825')
  .refine((rate) => /[1-9]/.test(rate), 'a rate is greater than 0')
  .describe('units of the corporate currency for one unit of this currency');

export const adminCurrencySchema = z.object({
  code: z.string(),
  decimals: z.number().int(),
  isCorporate: z.boolean(),
  rates: z.array(z.object({ validFrom: daySchema, rate: z.string() })).describe('oldest first'),
});
export const adminCurrencyListSchema = z.object({
  corporateCurrency: z.string(),
  currencies: z.array(adminCurrencySchema),
});
export type AdminCurrency = z.infer<typeof adminCurrencySchema>;

export const currencyParamsSchema = z.object({ code: z.string().min(1).max(10).describe('ISO 4217 code') });

export const createCurrencySchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as EUR'),
  decimals: z.number().int().min(0, 'decimals are 0 to 4').max(4, 'decimals are 0 to 4'),
});
export type CreateCurrencyRequest = z.infer<typeof createCurrencySchema>;

export const setRateSchema = z.object({
  validFrom: daySchema.describe('first day the rate applies'),
  rate: rateSchema,
});
export type SetRateRequest = z.infer<typeof setRateSchema>;
