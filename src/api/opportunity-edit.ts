import { z } from 'zod';
import { daySchema, decimalAmountSchema, forecastCategories, seqSchema } from './common-schemas.js';

/**
 * An edit of one deal from the pipeline table or the deal page. Only the fields present change;
 * each edit becomes one `opportunity.changed` ledger event. `expectedLastSeq` is the deal's
 * `lastSeq` as the editor saw it: when someone else changed the deal since, the edit is refused
 * with 409 instead of silently overwriting their change.
 */
export const opportunityEditSchema = z
  .object({
    stage: z.string().min(1).max(200).optional(),
    amount: decimalAmountSchema.nullable().optional().describe('in the deal currency; null clears it'),
    closeDate: daySchema.optional(),
    forecastCategory: z
      .enum(forecastCategories)
      .nullable()
      .optional()
      .describe("an owner's override of the stage's category; null returns to the stage's default"),
    nextStep: z.string().max(1000).nullable().optional(),
    lossReason: z.string().max(1000).nullable().optional().describe('why a lost deal was lost'),
    /** Supporting information (decision maker, economic buyer, competitor, …); null removes a key. */
    fields: z.record(z.string().min(1).max(100), z.string().max(2000).nullable()).optional(),
    expectedLastSeq: seqSchema.optional(),
  })
  .refine((edit) => Object.keys(edit).some((key) => key !== 'expectedLastSeq'), {
    message: 'give at least one field to change',
  });
export type OpportunityEdit = z.infer<typeof opportunityEditSchema>;

/**
 * The header the web app sends with its requests, so the ledger records a change as made in the
 * app (`ui`) rather than through the API by a script (`api`).
 */
export const clientHeaderName = 'x-candor-client';
export const webClientName = 'web';
