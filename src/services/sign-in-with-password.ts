import { DomainError } from '../core/domain-error.js';
import { decideSignInThrottle, signInLimits } from '../core/sign-in-throttle.js';
import { findSignInCandidates } from '../store/credential-queries.js';
import { countRecentFailures, recordSignInAttempt } from '../store/sign-in-attempt-queries.js';
import { withTransaction, type DatabaseHandle } from '../store/session.js';
import { createSession, type CreatedSession } from './create-session.js';
import { decoyHashPromise, verifyPassword } from './password-hashing.js';

export type SignInWithPasswordOptions = {
  email: string;
  password: string;
  /** The caller's network address, for the per-address limit. */
  address: string;
  userAgent: string | null;
  now: Date;
};

export type SignedIn = CreatedSession & { userId: string };

const wrongCredentials = 'the e-mail address or the password is not right';

/**
 * Checks an e-mail and password and starts a session. Every failure answers the same way, whether
 * the address is unknown, the person inactive or the password wrong, so the answer does not reveal
 * who has an account. Refuses with `rate-limited` (and how long to wait) past the limits in
 * core/sign-in-throttle.ts; refused attempts are not counted again.
 */
export async function signInWithPassword(
  handle: DatabaseHandle,
  options: SignInWithPasswordOptions,
): Promise<SignedIn> {
  const accountKey = options.email.trim().toLowerCase();
  const since = new Date(options.now.getTime() - signInLimits.windowMinutes * 60_000);
  const outcome = await withTransaction(handle, async (conn) => {
    // One after the other: a connection runs one query at a time (pg queues a second one, and warns).
    const account = await countRecentFailures(conn, { by: 'account_key', value: accountKey, since });
    const address = await countRecentFailures(conn, { by: 'address', value: options.address, since });
    const decision = decideSignInThrottle({
      accountFailures: account.count,
      addressFailures: address.count,
      oldestAccountFailure: account.oldest,
      oldestAddressFailure: address.oldest,
      now: options.now,
    });
    if (!decision.allowed) {
      throw new DomainError('rate-limited', decision.message, [
        { where: 'retry-after', value: String(decision.retryAfterSeconds), reason: 'seconds to wait' },
      ]);
    }

    const candidates = await findSignInCandidates(conn, accountKey);
    const candidate = candidates.length === 1 ? candidates[0] : undefined;
    const storedHash = candidate?.active ? candidate.passwordHash : null;
    const passwordMatches = await verifyPassword(storedHash ?? (await decoyHashPromise), options.password);
    const succeeded = candidate !== undefined && storedHash !== null && passwordMatches;
    await recordSignInAttempt(conn, {
      accountKey,
      address: options.address,
      attemptedAt: options.now,
      succeeded,
    });
    if (!succeeded) return null;
    const session = await createSession(conn, {
      userId: candidate.userId,
      method: 'password',
      now: options.now,
      address: options.address,
      userAgent: options.userAgent,
    });
    return { ...session, userId: candidate.userId };
  });
  // The failed attempt is committed above before refusing, so it counts toward the limits.
  if (!outcome) throw new DomainError('unauthenticated', wrongCredentials);
  return outcome;
}
