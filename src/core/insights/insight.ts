import { z } from 'zod';

/** What an insight from the front line is about. */
export const insightTypes = [
  'competitor-mention',
  'loss-reason',
  'feature-request',
  'pricing',
  'product-problem',
  'service-problem',
] as const;
export type InsightType = (typeof insightTypes)[number];

export const insightSeverities = ['low', 'medium', 'high', 'critical'] as const;
export type InsightSeverity = (typeof insightSeverities)[number];

/**
 * The payload of `insight.captured`: the full record. `topic` is a short label that groups
 * insights (e.g. "SSO" for several requests worded differently); without one the text groups.
 */
export const insightSchema = z.object({
  accountId: z.string().min(1),
  opportunityId: z.string().min(1).nullable(),
  type: z.enum(insightTypes),
  competitor: z.string().min(1).nullable(),
  topic: z.string().min(1).nullable(),
  text: z.string(),
  severity: z.enum(insightSeverities),
  authorId: z.string().min(1).nullable(),
  /** When the customer said it, ISO 8601 instant. */
  capturedAt: z.string().datetime({ offset: true }),
});
export type InsightRecord = z.infer<typeof insightSchema>;

/** An insight with its id, as read back from the projection. */
export type Insight = InsightRecord & { id: string };

/** The key an insight groups under in summaries: its topic, else its text, trimmed and folded. */
export function computeInsightKey(insight: Pick<InsightRecord, 'topic' | 'text'>): string {
  return (insight.topic ?? insight.text).trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A competitor's name folded for comparison ("  ACME corp" and "Acme Corp" are one competitor). */
export function computeCompetitorKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
