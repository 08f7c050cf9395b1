import { DomainError } from '../core/domain-error.js';
import type { NewEvent } from '../core/ledger-event.js';
import { appendEvents } from '../store/append-events.js';
import { revokeSessions } from '../store/auth-session-queries.js';
import { saveCredential } from '../store/credential-queries.js';
import { findUserRecord } from '../store/org-queries.js';
import { withTransaction, type DatabaseHandle } from '../store/session.js';
import { hashNewPassword } from './password-hashing.js';

export type SetPasswordOptions = {
  userId: string;
  password: string;
  /** Who set it: the person themself, or an admin. */
  actor: string;
  source: NewEvent['source'];
  now: Date;
};

/**
 * Sets or resets a person's password. The ledger records that it happened and who did it (never
 * the hash); every open session of that person ends, so a reset locks out whoever had it.
 */
export async function setPassword(handle: DatabaseHandle, options: SetPasswordOptions): Promise<void> {
  const passwordHash = await hashNewPassword(options.password);
  await withTransaction(handle, async (conn) => {
    if (!(await findUserRecord(conn, options.userId))) {
      throw new DomainError('not-found', `there is no user ${options.userId}`);
    }
    await saveCredential(conn, { userId: options.userId, passwordHash, updatedAt: options.now });
    await appendEvents(
      conn,
      [
        {
          businessTime: options.now,
          actor: options.actor,
          source: options.source,
          batchId: null,
          entityType: 'user',
          entityId: options.userId,
          kind: 'user.password_set',
          payload: {},
          originKey: null,
        },
      ],
      { recordedTime: options.now },
    );
    await revokeSessions(conn, { userId: options.userId }, options.now);
  });
}
