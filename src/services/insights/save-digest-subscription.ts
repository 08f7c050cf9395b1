import { randomBytes } from 'node:crypto';
import {
  digestSubscriptionSchema,
  type DigestSubscription,
} from '../../core/insights/digest-subscription.js';
import { DomainError } from '../../core/domain-error.js';
import { saveWebhookSecret } from '../../store/insight-subscriptions.js';
import type { DatabaseHandle } from '../../store/session.js';
import { runChange, type ChangeContext } from '../admin/change-context.js';
import { newRecordId } from './new-record-id.js';

export type DigestSubscriptionInput = Omit<DigestSubscription, 'id' | 'active'>;

/**
 * An administrator subscribes a team to the customer-voice digest: one `digest-subscription.created`
 * event. With a webhook, a fresh 256-bit signing secret is kept outside the ledger and answered once,
 * here, for the receiver to verify signatures with.
 */
export async function createDigestSubscription(
  handle: DatabaseHandle,
  options: ChangeContext & { input: DigestSubscriptionInput },
): Promise<{ subscription: DigestSubscription; webhookSecret: string | null }> {
  const parsed = digestSubscriptionSchema.safeParse({ ...options.input, active: true });
  if (!parsed.success) {
    throw new DomainError(
      'invalid-input',
      'the subscription is not valid',
      parsed.error.issues.map((i) => ({ where: i.path.join('.'), reason: i.message })),
    );
  }
  const record = parsed.data;
  if (!record.email && !record.webhookUrl) {
    throw new DomainError('invalid-input', 'a subscription needs an e-mail address or a webhook', [
      { where: 'email', reason: 'give an e-mail address, a webhook URL, or both' },
    ]);
  }
  return runChange(handle, options, async (conn, append) => {
    const id = await newRecordId(conn, 'digest-subscription');
    await append([
      {
        entityType: 'digest-subscription',
        entityId: id,
        kind: 'digest-subscription.created',
        payload: record,
      },
    ]);
    let webhookSecret: string | null = null;
    if (record.webhookUrl) {
      webhookSecret = randomBytes(32).toString('hex');
      await saveWebhookSecret(conn, { subscriptionId: id, secret: webhookSecret, createdAt: options.now });
    }
    return { subscription: { ...record, id }, webhookSecret };
  });
}
