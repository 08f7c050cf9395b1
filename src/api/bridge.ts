import { z } from 'zod';
import {
  decimalAmountSchema,
  instantQuerySchema,
  instantTextSchema,
  periodSchema,
} from './common-schemas.js';

export const bridgeStepKinds = [
  'created',
  'pulled-in',
  'restored',
  'reopened',
  'increased',
  'decreased',
  'omitted',
  'lost',
  'slipped',
  'reassigned',
  'category',
  'won',
] as const;
export type ApiBridgeStepKind = (typeof bridgeStepKinds)[number];

export const bridgeGroupings = ['team', 'rep', 'segment'] as const;

export const bridgeQuerySchema = z.object({
  period: periodSchema,
  from: instantQuerySchema.optional().describe('the first moment; the start of the period when absent'),
  to: instantQuerySchema.optional().describe('the second moment; the end of the period (or now) when absent'),
  team: z.string().min(1).optional().describe('team id: deals of its members and of its sub-teams'),
  group: z.enum(bridgeGroupings).optional().describe('also one bridge per team, rep or segment'),
  call: decimalAmountSchema
    .optional()
    .describe('a called figure to measure what closed against; the latest call in the ledger when absent'),
});

const bridgeDealSchema = z.object({
  id: z.string(),
  name: z.string(),
  owner: z.string().nullable(),
  team: z.string().nullable(),
  segment: z.string().nullable(),
  amount: decimalAmountSchema.describe('its effect on the step, or the value it moved for zero-net steps'),
  change: z.string().describe('what changed, in words'),
  at: instantTextSchema,
});
export type BridgeDealResponse = z.infer<typeof bridgeDealSchema>;

const bridgeStepSchema = z.object({
  kind: z.enum(bridgeStepKinds),
  label: z.string(),
  amount: decimalAmountSchema.describe('net effect on the total; zero for category moves and wins'),
  deals: z.array(bridgeDealSchema),
});
export type BridgeStepResponse = z.infer<typeof bridgeStepSchema>;

const figuresShape = {
  period: z.string(),
  from: instantTextSchema,
  to: instantTextSchema,
  currency: z.string(),
  start: decimalAmountSchema.describe('open pipeline (Pipeline, Best Case, Commit) of the period at `from`'),
  won: decimalAmountSchema.describe('won in the period between `from` and `to`'),
  open: decimalAmountSchema.describe('open pipeline of the period at `to`'),
  end: decimalAmountSchema.describe('won + open; always start plus the steps'),
  steps: z.array(bridgeStepSchema),
};

const fragmentSchema = z.object({
  text: z.string(),
  deals: z.array(z.string()).optional().describe('the deals behind a figure'),
});
export type AccountFragmentResponse = z.infer<typeof fragmentSchema>;

export const bridgeResponseSchema = z.object({
  ...figuresShape,
  counts: z.object({ start: z.number().int(), won: z.number().int(), open: z.number().int() }),
  dealIds: z.object({ start: z.array(z.string()), won: z.array(z.string()), open: z.array(z.string()) }),
  pushes: z.object({ count: z.number().int(), deals: z.number().int(), dealIds: z.array(z.string()) }),
  directory: z
    .record(z.string(), z.object({ name: z.string(), owner: z.string().nullable() }))
    .describe('name and owner of each deal the bridge mentions'),
  unconverted: z.array(z.string()).describe('deals left out of the amounts: their currency has no rate'),
  groups: z
    .object({
      grouping: z.enum(bridgeGroupings),
      rows: z.array(z.object({ key: z.string().nullable(), label: z.string(), ...figuresShape })),
    })
    .nullable(),
  call: z
    .object({
      source: z.enum(['given', 'ledger']),
      by: z.string().nullable(),
      submittedAt: instantTextSchema.nullable(),
      called: decimalAmountSchema,
      commitAtCall: decimalAmountSchema.describe(
        'Commit deals of the period at the call, plus those already won',
      ),
      closed: decimalAmountSchema,
      gap: decimalAmountSchema.describe('closed − called'),
      parts: z.array(
        z.object({
          kind: z.string(),
          label: z.string(),
          amount: decimalAmountSchema,
          deals: z.array(bridgeDealSchema),
        }),
      ),
    })
    .nullable(),
  account: z.object({ paragraphs: z.array(z.array(fragmentSchema)), text: z.string() }),
});
export type BridgeResponse = z.infer<typeof bridgeResponseSchema>;
