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

export const verificationPhases = ['starting', 'chain', 'projections', 'finished'] as const;

export const verificationJobParamsSchema = z.object({
  id: z.string().min(1).max(100).describe('the verification job id'),
});

export const verificationJobSchema = z
  .object({
    id: z.string(),
    actor: z.string().describe('the user id of the admin who started it'),
    actorName: z.string().nullable(),
    status: z
      .enum(['running', 'succeeded', 'failed'])
      .describe('succeeded: it ran to the end (see result.ok for the verdict); failed: it could not'),
    startedAt: instantTextSchema,
    updatedAt: instantTextSchema,
    finishedAt: instantTextSchema.nullable(),
    progress: z
      .object({
        phase: z.enum(verificationPhases),
        done: z.number().int(),
        total: z.number().int(),
      })
      .describe('chain: events checked of the chain length; projections: entities replayed of all'),
    result: verifyReportSchema.nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
  })
  .describe('a verification running in the background, then its report');
export type VerificationJobResponse = z.infer<typeof verificationJobSchema>;

export const verificationJobListSchema = z.object({ items: z.array(verificationJobSchema) });
export type VerificationJobListResponse = z.infer<typeof verificationJobListSchema>;
