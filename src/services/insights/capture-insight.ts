import type { AccessScope } from '../../core/access-scope.js';
import { scopeIncludesOwner } from '../../core/compute-access.js';
import { DomainError } from '../../core/domain-error.js';
import type { Insight } from '../../core/insights/insight.js';
import { planInsightCapture, type InsightInput } from '../../core/insights/plan-insight-capture.js';
import { findDealInScope } from '../../store/find-deal-in-scope.js';
import { findAccountInScope } from '../../store/insight-queries.js';
import type { DatabaseHandle } from '../../store/session.js';
import { runChange, type ChangeContext } from '../admin/change-context.js';
import { getOrgContext } from '../org-context.js';
import { newRecordId } from './new-record-id.js';

export type CaptureInsightOptions = ChangeContext & {
  input: InsightInput;
  /** What the author may see (others answer 404) and where they may write: their forecast scope. */
  readScope: AccessScope;
  writeScope: AccessScope;
};

/**
 * Records what a customer said as one `insight.captured` event. The author writes on accounts and
 * deals of their own front line (their forecast scope: a rep's own, a manager's team, executives
 * everywhere); one they can see but not work on is 403, one they cannot see 404.
 */
export async function captureInsight(
  handle: DatabaseHandle,
  options: CaptureInsightOptions,
): Promise<Insight> {
  return runChange(handle, options, async (conn, record) => {
    const org = await getOrgContext(conn);
    const dealId = options.input.opportunityId?.trim() || null;
    let deal: { id: string; accountId: string | null; ownerId: string | null } | null = null;
    if (dealId) {
      const found = await findDealInScope(conn, {
        id: dealId,
        scope: options.readScope,
        corporateCurrency: org.settings.corporateCurrency,
      });
      if (!found) throw new DomainError('not-found', `there is no deal ${dealId} that you can see`);
      deal = { id: found.state.id, accountId: found.state.accountId, ownerId: found.state.ownerId };
      if (!scopeIncludesOwner(options.writeScope, deal.ownerId)) {
        throw new DomainError(
          'forbidden',
          `you can see the deal ${dealId} but it is outside the deals you work on`,
        );
      }
    }
    const plan = planInsightCapture({
      input: options.input,
      deal,
      authorId: options.actor,
      now: options.now,
    });
    const account = await findAccountInScope(conn, { id: plan.accountId, scope: options.readScope });
    if (!account)
      throw new DomainError('not-found', `there is no account ${plan.accountId} that you can see`);
    if (!deal) {
      const writable = await findAccountInScope(conn, { id: plan.accountId, scope: options.writeScope });
      if (!writable)
        throw new DomainError(
          'forbidden',
          `you can see the account ${account.name} but it is outside the accounts you work on`,
        );
    }
    const id = await newRecordId(conn, 'insight');
    await record([{ entityType: 'insight', entityId: id, kind: 'insight.captured', payload: plan }]);
    return { ...plan, id };
  });
}
