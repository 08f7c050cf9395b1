import type { CallGridRowResponse } from '../../api/calls.js';

/**
 * The deals behind a figure of the grid, as the deals list filters them: the row's person or team,
 * the period, and the categories the figure sums.
 */
export function dealsLink(
  row: Pick<CallGridRowResponse, 'kind' | 'teamId' | 'userId'>,
  period: string,
  categories: readonly string[],
): string {
  const params = new URLSearchParams({ period });
  if (row.kind === 'member' && row.userId) params.set('owner', row.userId);
  else if (row.teamId) params.set('team', row.teamId);
  for (const category of categories) params.append('category', category);
  return `/deals?${params.toString()}`;
}
