import { z } from 'zod';
import { hashSchema, instantTextSchema, seqSchema } from './common-schemas.js';

export const ledgerProblemKinds = [
  'hash-mismatch',
  'broken-link',
  'sequence-gap',
  'head-mismatch',
  'replay-failed',
  'projection-mismatch',
] as const;

export const ledgerProblemSchema = z.object({
  kind: z.enum(ledgerProblemKinds),
  seq: seqSchema.nullable().describe('the event concerned, when there is one'),
  where: z.string().nullable().describe('`table entity-id` for a derived table that differs from a replay'),
  message: z.string(),
});

export const verifyReportSchema = z
  .object({
    ok: z.boolean().describe('true when the chain is intact and every derived table equals a replay'),
    length: seqSchema.describe('number of events checked'),
    head: hashSchema.describe('hash of the last event checked'),
    checkedAt: instantTextSchema,
    durationMs: z.number().int(),
    problems: z.array(ledgerProblemSchema).describe('at most 200; empty when ok'),
  })
  .describe('the result of recomputing the hash chain and replaying every derived table');
export type VerifyReportResponse = z.infer<typeof verifyReportSchema>;
