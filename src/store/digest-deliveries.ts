import type { Connection } from '../db/connection.js';

export type DigestDelivery = {
  id: string;
  runId: string;
  channel: 'email' | 'webhook';
  recipient: string;
  audience: 'owner' | 'manager';
  subject: string;
  status: 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
};

/** Records one delivery of one digest over one channel (the delivery log, migration 0010). */
export async function insertDigestDelivery(
  conn: Pick<Connection, 'db'>,
  delivery: DigestDelivery,
): Promise<void> {
  await conn.db
    .insertInto('digest_deliveries')
    .values({
      id: delivery.id,
      run_id: delivery.runId,
      channel: delivery.channel,
      recipient: delivery.recipient,
      audience: delivery.audience,
      subject: delivery.subject,
      status: delivery.status,
      attempts: delivery.attempts,
      last_error: delivery.lastError,
      created_at: delivery.createdAt,
      finished_at: delivery.finishedAt,
    })
    .execute();
}

/** The latest deliveries, newest first. */
export async function listDigestDeliveries(
  conn: Pick<Connection, 'db'>,
  limit: number,
): Promise<DigestDelivery[]> {
  const rows = await conn.db
    .selectFrom('digest_deliveries')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    runId: r.run_id,
    channel: r.channel as DigestDelivery['channel'],
    recipient: r.recipient,
    audience: r.audience as DigestDelivery['audience'],
    subject: r.subject,
    status: r.status as DigestDelivery['status'],
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  }));
}
