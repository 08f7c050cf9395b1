import { z } from 'zod';
import { hashSchema, instantTextSchema, seqSchema } from './common-schemas.js';

export const timelineChangeSchema = z.object({
  field: z.string().describe('e.g. stage, amount, closeDate, fields.champion'),
  from: z.string().nullable(),
  to: z.string().nullable(),
});

export const timelineEventSchema = z.object({
  seq: seqSchema,
  kind: z.string(),
  businessTime: instantTextSchema.describe('when the change took effect'),
  recordedTime: instantTextSchema.describe('when Candor learned it'),
  actor: z.string(),
  source: z.string(),
  batchId: z.string().nullable(),
  changes: z.array(timelineChangeSchema),
  backdated: z
    .boolean()
    .describe('entered in Candor with a business time more than the configured hours before it was recorded'),
  hash: hashSchema,
  prevHash: hashSchema,
});
export type TimelineEventResponse = z.infer<typeof timelineEventSchema>;

export const opportunityTimelineSchema = z.object({
  opportunityId: z.string(),
  backdatedAfterHours: z.number(),
  events: z
    .array(timelineEventSchema)
    .describe('every ledger event of the deal in business-time order; `from` is the value just before'),
});
export type OpportunityTimelineResponse = z.infer<typeof opportunityTimelineSchema>;
