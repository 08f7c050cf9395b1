import { DomainError } from '../../core/domain-error.js';
import {
  engagementSettingsSchema,
  type Cadence,
  type EngagementSettings,
  type StrategicAccountRecord,
} from '../../core/engagement/engagement-records.js';
import {
  findEngagementSettings,
  listExecutives,
  listStrategicAccountRecords,
} from '../../store/engagement-queries.js';
import type { DatabaseHandle } from '../../store/session.js';
import { runChange, type ChangeContext } from '../admin/change-context.js';

/**
 * An administrator tags an account strategic, names its executive sponsor (who must hold the
 * executive role) and its cadence: one `strategic-account.set` event with what changed.
 */
export async function setStrategicAccount(
  handle: DatabaseHandle,
  options: ChangeContext & {
    accountId: string;
    change: { strategicTag?: boolean; sponsorId?: string | null; cadence?: Cadence };
  },
): Promise<StrategicAccountRecord> {
  return runChange(handle, options, async (conn, record) => {
    const account = await conn.db
      .selectFrom('accounts')
      .select('id')
      .where('id', '=', options.accountId)
      .executeTakeFirst();
    if (!account) throw new DomainError('not-found', `there is no account ${options.accountId}`);
    const { sponsorId } = options.change;
    if (sponsorId) {
      const executives = await listExecutives(conn);
      if (!executives.some((e) => e.id === sponsorId)) {
        throw new DomainError(
          'invalid-input',
          `${sponsorId} cannot sponsor an account: a sponsor holds the executive role`,
          [{ where: 'sponsorId', value: sponsorId, reason: 'not an active executive' }],
        );
      }
    }
    const payload = Object.fromEntries(Object.entries(options.change).filter(([, v]) => v !== undefined));
    if (Object.keys(payload).length === 0) throw new DomainError('invalid-input', 'nothing to change');
    await record([
      {
        entityType: 'strategic-account',
        entityId: options.accountId,
        kind: 'strategic-account.set',
        payload,
      },
    ]);
    const records = await listStrategicAccountRecords(conn);
    return records.get(options.accountId) as StrategicAccountRecord;
  });
}

/** An administrator changes the programme's settings: one `engagement.configured` event. */
export async function configureEngagement(
  handle: DatabaseHandle,
  options: ChangeContext & { change: Partial<EngagementSettings> },
): Promise<EngagementSettings> {
  return runChange(handle, options, async (conn, record) => {
    const current = await findEngagementSettings(conn);
    const next = engagementSettingsSchema.parse({ ...current, ...options.change });
    await record([
      { entityType: 'engagement', entityId: 'program', kind: 'engagement.configured', payload: next },
    ]);
    return next;
  });
}
