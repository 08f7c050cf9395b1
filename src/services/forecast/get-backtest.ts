import type { AccessScope } from '../../core/access-scope.js';
import { DomainError } from '../../core/domain-error.js';
import { readLedgerHead } from '../../store/org-queries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { runBacktest, type BacktestReport } from './run-backtest.js';

/** Backtests by ledger head and range; the promise is kept so simultaneous requests share one run. */
export type BacktestCache = Map<string, Promise<BacktestReport>>;

/** The most recent results kept: a few ranges of the current ledger head are enough. */
const cachedResults = 8;

export function createBacktestCache(): BacktestCache {
  return new Map();
}

export type GetBacktestOptions = {
  from?: string | undefined;
  to?: string | undefined;
  scope: AccessScope;
  clock: () => Date;
  cache: BacktestCache;
};

/**
 * The backtest of the whole organisation for the API: only callers who read everything (executives,
 * viewers, admins) may see it, since it scores the organisation's total. It replays the ledger and
 * takes seconds, so the result is kept per ledger head (length and hash) and range: while nothing
 * is appended, asking again costs one query. Any appended event — a deal change, a call, a stored
 * forecast — makes the next request run it afresh.
 */
export async function getBacktest(
  handle: DatabaseHandle,
  options: GetBacktestOptions,
): Promise<BacktestReport & { cached: boolean }> {
  if (options.scope.kind !== 'everything') {
    throw new DomainError('forbidden', 'the backtest scores the whole organisation', [
      { where: 'role', reason: 'only executives, viewers and admins read the whole organisation' },
    ]);
  }
  const head = await withConnection(handle, (conn) => readLedgerHead(conn));
  const defaults = options.from === undefined && options.to === undefined;
  // The default range (the last four completed quarters) moves with the day.
  const day = defaults ? options.clock().toISOString().slice(0, 10) : '';
  const key = `${head.length}:${head.head}|${options.from ?? ''}|${options.to ?? ''}|${day}`;
  const found = options.cache.get(key);
  if (found) return { ...(await found), cached: true };
  const running = runBacktest(handle, { from: options.from, to: options.to, clock: options.clock });
  options.cache.set(key, running);
  running.catch(() => options.cache.delete(key));
  while (options.cache.size > cachedResults) {
    const oldest = options.cache.keys().next().value;
    if (oldest === undefined) break;
    options.cache.delete(oldest);
  }
  return { ...(await running), cached: false };
}
