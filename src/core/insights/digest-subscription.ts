import { z } from 'zod';
import { insightTypes } from './insight.js';

/** The teams that subscribe to the customer-voice digest. */
export const digestAudiences = ['product', 'marketing', 'finance', 'service'] as const;
export type DigestAudience = (typeof digestAudiences)[number];

/**
 * A digest subscription (`digest-subscription.created`, then `.changed`): which insight types and
 * account segments (none = every segment) a team wants, delivered by e-mail and/or signed webhook.
 * The webhook's signing secret is not part of it: it stays out of the ledger.
 */
export const digestSubscriptionSchema = z.object({
  name: z.string().min(1),
  audience: z.enum(digestAudiences),
  types: z.array(z.enum(insightTypes)).min(1),
  segments: z.array(z.string().min(1)),
  email: z.string().email().nullable(),
  webhookUrl: z.string().url().nullable(),
  active: z.boolean(),
});
export type DigestSubscriptionRecord = z.infer<typeof digestSubscriptionSchema>;
export type DigestSubscription = DigestSubscriptionRecord & { id: string };
