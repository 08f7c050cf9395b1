import {
  defaultDemoSeed,
  generateDemoOrganisation,
  type DemoSignIn,
} from '../core/demo/generate-demo-organisation.js';
import { appendEvents } from '../store/append-events.js';
import { saveCredential } from '../store/credential-queries.js';
import { findOrgSettings } from '../store/org-queries.js';
import { hashPassword } from './password-hashing.js';
import { refreshProjectionStatistics } from '../store/refresh-projection-statistics.js';
import { withConnection, withTransaction, type DatabaseHandle } from '../store/session.js';

export { defaultDemoSeed, type DemoSignIn };

/**
 * The documented password of the demo sign-ins (README). The demo is fictional and marked as such;
 * a real organisation never gets a known password.
 */
export const demoPassword = 'candor-demo';

export type CreateDemoOptions = {
  /** The moment the demo's history ends; its events are recorded at this instant too. */
  now: Date;
  seed?: number;
};

export type CreateDemoResult = {
  created: boolean;
  /** Events appended (0 when the database already held an organisation). */
  events: number;
  /** People to sign in as, each with `demoPassword`. */
  signIns: DemoSignIn[];
};

/**
 * Creates the demo organisation in an empty database, in one transaction: its settings, people,
 * accounts and five quarters of deal history land together or not at all. A database that already
 * holds an organisation is left alone (`created: false`), so it is safe to call on every start.
 */
export async function createDemoOrganisation(
  handle: DatabaseHandle,
  options: CreateDemoOptions,
): Promise<CreateDemoResult> {
  const notCreated: CreateDemoResult = { created: false, events: 0, signIns: [] };
  let outcome: CreateDemoResult;
  const passwordHash = await hashPassword(demoPassword);
  try {
    outcome = await withTransaction(handle, async (conn) => {
      if (await findOrgSettings(conn)) return notCreated;
      const demo = generateDemoOrganisation({ seed: options.seed ?? defaultDemoSeed, now: options.now });
      const passwordEvents = demo.signIns.map((person) => ({
        businessTime: options.now,
        actor: 'system',
        source: 'system' as const,
        batchId: null,
        entityType: 'user' as const,
        entityId: person.userId,
        kind: 'user.password_set',
        payload: {},
        originKey: null,
      }));
      const result = await appendEvents(conn, [...demo.events, ...passwordEvents], {
        recordedTime: options.now,
      });
      for (const person of demo.signIns) {
        await saveCredential(conn, { userId: person.userId, passwordHash, updatedAt: options.now });
      }
      return { created: true, events: result.count, signIns: demo.signIns };
    });
  } catch (error) {
    // Two first starts racing: the other one created the organisation while this one was writing
    // (its duplicate records then fail to replay and roll back). That is not a failure.
    const existsNow = await withConnection(handle, (conn) => findOrgSettings(conn)).catch(() => null);
    if (existsNow) return notCreated;
    throw error;
  }
  if (outcome.created) await withConnection(handle, (conn) => refreshProjectionStatistics(conn));
  return outcome;
}
