import { randomBytes } from 'node:crypto';
import { entityIdExists } from '../../store/admin-queries.js';
import type { Connection } from '../../store/session.js';

const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789'; // no 0/o, 1/l: ids are read aloud and retyped

/**
 * A fresh id for a person or team created in Candor: `u-` or `t-` and ten random characters
 * (`u-k7q2m9xw4p`). Random rather than a slug of the name: a name changes (marriage, a team
 * renamed) but an id is in every ledger event forever; it reveals nothing in a URL or a log; and
 * the prefix cannot collide with imported CRM ids (Salesforce's are 15 or 18 characters without
 * a dash) or hand-made ones. Checked against the ledger anyway, since ids are never reused.
 */
export async function newEntityId(
  conn: Pick<Connection, 'db'>,
  entityType: 'user' | 'team',
): Promise<string> {
  const prefix = entityType === 'user' ? 'u-' : 't-';
  for (;;) {
    const bytes = randomBytes(10);
    const id = prefix + [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    if (!(await entityIdExists(conn, entityType, id))) return id;
  }
}
