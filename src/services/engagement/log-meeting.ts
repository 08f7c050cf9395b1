import type { AccessScope } from '../../core/access-scope.js';
import { scopeIncludesOwner } from '../../core/compute-access.js';
import { DomainError } from '../../core/domain-error.js';
import type { Meeting } from '../../core/engagement/engagement-records.js';
import { planMeetingLog, type MeetingInput } from '../../core/engagement/plan-meeting-log.js';
import { findDealInScope } from '../../store/find-deal-in-scope.js';
import { findAccountInScope } from '../../store/insight-queries.js';
import type { DatabaseHandle } from '../../store/session.js';
import { runChange, type ChangeContext } from '../admin/change-context.js';
import { newRecordId } from '../insights/new-record-id.js';
import { getOrgContext } from '../org-context.js';

export type LogMeetingOptions = ChangeContext & {
  input: MeetingInput;
  readScope: AccessScope;
  /** Where the person works: their forecast scope (executives: everywhere). */
  writeScope: AccessScope;
};

/** Logs a meeting (planned or not, held or scheduled) as one `meeting.logged` event. */
export async function logMeeting(handle: DatabaseHandle, options: LogMeetingOptions): Promise<Meeting> {
  return runChange(handle, options, async (conn, record) => {
    const org = await getOrgContext(conn);
    const dealId = options.input.opportunityId?.trim() || null;
    let deal: { id: string; accountId: string | null } | null = null;
    if (dealId) {
      const found = await findDealInScope(conn, {
        id: dealId,
        scope: options.readScope,
        corporateCurrency: org.settings.corporateCurrency,
      });
      if (!found) throw new DomainError('not-found', `there is no deal ${dealId} that you can see`);
      if (!scopeIncludesOwner(options.writeScope, found.state.ownerId)) {
        throw new DomainError(
          'forbidden',
          `you can see the deal ${dealId} but it is outside the deals you work on`,
        );
      }
      deal = { id: found.state.id, accountId: found.state.accountId };
    }
    const users = await conn.db.selectFrom('users').select('id').execute();
    const plan = planMeetingLog({
      input: options.input,
      deal,
      knownUserIds: new Set(users.map((u) => u.id)),
      now: options.now,
    });
    if (!(await findAccountInScope(conn, { id: plan.accountId, scope: options.readScope }))) {
      throw new DomainError('not-found', `there is no account ${plan.accountId} that you can see`);
    }
    if (!deal && !(await findAccountInScope(conn, { id: plan.accountId, scope: options.writeScope }))) {
      throw new DomainError('forbidden', `the account ${plan.accountId} is outside the accounts you work on`);
    }
    const id = await newRecordId(conn, 'meeting');
    await record([{ entityType: 'meeting', entityId: id, kind: 'meeting.logged', payload: plan }]);
    return { ...plan, id };
  });
}
