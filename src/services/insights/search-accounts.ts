import type { AccessScope } from '../../core/access-scope.js';
import { searchVisibleAccounts, type AccountMatch } from '../../store/insight-account-search.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';

/** Accounts whose name contains the text, among those the caller may see: for pickers such as the insight form. */
export async function searchAccounts(
  handle: DatabaseHandle,
  options: { search: string; limit: number; scope: AccessScope },
): Promise<{ items: AccountMatch[] }> {
  const search = options.search.trim();
  if (search === '') return { items: [] };
  return withConnection(handle, async (conn) => ({
    items: await searchVisibleAccounts(conn, { scope: options.scope, search, limit: options.limit }),
  }));
}
