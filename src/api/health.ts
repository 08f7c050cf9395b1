import { z } from 'zod';
import { hashSchema, instantTextSchema, seqSchema } from './common-schemas.js';

export const ledgerHeadSchema = z
  .object({
    length: seqSchema.describe('number of events in the chain'),
    head: hashSchema.describe('hash of the last event (64 zeros for an empty ledger)'),
  })
  .describe('the head of the hash chain: reports carry it to say which ledger they were built from');
export type LedgerHeadResponse = z.infer<typeof ledgerHeadSchema>;

export const healthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.object({
    reachable: z.literal(true),
    engine: z.enum(['pglite', 'postgres']),
  }),
  ledger: ledgerHeadSchema,
  organisation: z
    .object({ name: z.string(), isDemo: z.boolean() })
    .nullable()
    .describe('null while the database holds no organisation'),
  time: instantTextSchema,
});
export type HealthResponse = z.infer<typeof healthSchema>;
