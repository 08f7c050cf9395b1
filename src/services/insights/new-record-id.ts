import { randomBytes } from 'node:crypto';
import { entityIdExists } from '../../store/admin-queries.js';
import type { Connection } from '../../store/session.js';

const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
const prefixes = { insight: 'ins-', meeting: 'mtg-', 'digest-subscription': 'sub-' } as const;

/**
 * A fresh id for an insight, meeting or subscription created in Candor (`ins-k7q2m9xw4p`): random,
 * prefixed so it cannot collide with imported CRM ids, and checked against the ledger.
 */
export async function newRecordId(
  conn: Pick<Connection, 'db'>,
  entityType: keyof typeof prefixes,
): Promise<string> {
  for (;;) {
    const id = prefixes[entityType] + [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
    if (!(await entityIdExists(conn, entityType, id))) return id;
  }
}
