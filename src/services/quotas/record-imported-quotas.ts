import type { NewEvent } from '../../core/ledger-event.js';
import { computeQuotaId, type QuotaSubjectType } from '../../core/quotas/quota.js';
import { findKnownOriginKeys } from '../../store/org-queries.js';
import { findExistingSubjects, listQuotas } from '../../store/quota-queries.js';
import type { Connection } from '../../store/session.js';
import type { ImportBatch } from '../import/import-batch.js';

export type ImportedQuota<Row> = {
  quota: {
    subjectType: QuotaSubjectType;
    subjectId: string;
    period: string;
    amountMinor: bigint;
    currency: string;
    modifiedAt: Date | null;
  };
  /** The quota's entity id. */
  id: string;
  row: Row;
};

/**
 * Records the quotas an import read, one per subject and period: a `quota.set` when the ledger
 * holds no quota or another amount, at the row's modified date when it has one, else the import's
 * time; nothing when it holds the same (so re-importing adds nothing). A quota for a person or team
 * the organisation does not have is handed to `onUnknownSubject` instead.
 */
export async function recordImportedQuotas<Row>(
  conn: Connection,
  options: {
    batch: ImportBatch;
    /** Names the source in origin keys: `<source>:quota:<id>`. */
    source: string;
    items: readonly ImportedQuota<Row>[];
    onUnknownSubject: (item: ImportedQuota<Row>) => void;
  },
): Promise<number> {
  const { items, batch } = options;
  const idsOf = (type: QuotaSubjectType) =>
    items.filter((p) => p.quota.subjectType === type).map((p) => p.quota.subjectId);
  const known = {
    user: await findExistingSubjects(conn, 'user', idsOf('user')),
    team: await findExistingSubjects(conn, 'team', idsOf('team')),
  };
  const periods = [...new Set(items.map((p) => p.quota.period))];
  const current = new Map(
    (await listQuotas(conn, periods)).map((q) => [computeQuotaId(q.subjectType, q.subjectId, q.period), q]),
  );
  const keys = await findKnownOriginKeys(
    conn,
    items.map((p) => `${options.source}:quota:${p.id}`),
  );
  const events: NewEvent[] = [];
  for (const item of items) {
    const { quota, id } = item;
    if (!known[quota.subjectType].has(quota.subjectId)) {
      options.onUnknownSubject(item);
      continue;
    }
    const held = current.get(id);
    if (held && held.amountMinor === quota.amountMinor && held.currency === quota.currency) continue;
    const originKey = `${options.source}:quota:${id}`;
    events.push(
      batch.event({
        businessTime: quota.modifiedAt ?? batch.recordedTime,
        entityType: 'quota',
        entityId: id,
        kind: 'quota.set',
        payload: {
          subjectType: quota.subjectType,
          subjectId: quota.subjectId,
          period: quota.period,
          amountMinor: quota.amountMinor.toString(),
          currency: quota.currency,
        },
        // A quota set again after an earlier import (changed, or cleared in between) is a new fact.
        originKey: keys.has(originKey) ? `${originKey}:changed@${batch.id}` : originKey,
      }),
    );
  }
  await batch.append(conn, events);
  return events.length;
}
