import type { DigestSubscription, DigestAudience } from '../core/insights/digest-subscription.js';
import type { InsightType } from '../core/insights/insight.js';
import type { Connection } from '../db/connection.js';

type Db = Pick<Connection, 'db'>;

export async function listDigestSubscriptions(conn: Db): Promise<DigestSubscription[]> {
  const rows = await conn.db
    .selectFrom('digest_subscriptions')
    .selectAll()
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    audience: r.audience as DigestAudience,
    types: r.types as InsightType[],
    segments: r.segments as string[],
    email: r.email,
    webhookUrl: r.webhook_url,
    active: r.active,
  }));
}

/** Keeps a subscription's webhook signing secret outside the ledger (see migration 0011). */
export async function saveWebhookSecret(
  conn: Db,
  row: { subscriptionId: string; secret: string; createdAt: Date },
): Promise<void> {
  await conn.db
    .insertInto('digest_webhook_secrets')
    .values({ subscription_id: row.subscriptionId, secret: row.secret, created_at: row.createdAt })
    .onConflict((oc) =>
      oc.column('subscription_id').doUpdateSet({ secret: row.secret, created_at: row.createdAt }),
    )
    .execute();
}

export async function listWebhookSecrets(conn: Db): Promise<Map<string, string>> {
  const rows = await conn.db
    .selectFrom('digest_webhook_secrets')
    .select(['subscription_id', 'secret'])
    .execute();
  return new Map(rows.map((r) => [r.subscription_id, r.secret]));
}
