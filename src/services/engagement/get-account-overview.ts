import type { AccessScope } from '../../core/access-scope.js';
import { DomainError } from '../../core/domain-error.js';
import type { Meeting, StrategicAccountRecord } from '../../core/engagement/engagement-records.js';
import { listMeetings, listStrategicAccountRecords } from '../../store/engagement-queries.js';
import { findAccountInScope } from '../../store/insight-queries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { getOrgContext } from '../org-context.js';

export type AccountOverview = {
  id: string;
  name: string;
  segment: string | null;
  industry: string | null;
  programme: StrategicAccountRecord | null;
  meetings: (Meeting & { dealName: string | null })[];
};

/** An account the caller may see (404 otherwise), its programme record and its meetings, newest first. */
export async function getAccountOverview(
  handle: DatabaseHandle,
  options: { id: string; scope: AccessScope },
): Promise<AccountOverview> {
  return withConnection(handle, async (conn) => {
    const org = await getOrgContext(conn);
    const account = await findAccountInScope(conn, options);
    if (!account) throw new DomainError('not-found', `there is no account ${options.id} that you can see`);
    const meetings = await listMeetings(conn, {
      scope: options.scope,
      corporateCurrency: org.settings.corporateCurrency,
      accountId: options.id,
    });
    return {
      id: account.id,
      name: account.name,
      segment: account.segment,
      industry: account.industry,
      programme: (await listStrategicAccountRecords(conn)).get(options.id) ?? null,
      meetings: meetings
        .map(({ accountName: _a, closeDateAtMeeting: _c, deal, ...m }) => ({
          ...m,
          dealName: deal?.name ?? null,
        }))
        .reverse(),
    };
  });
}
