/** A submitted call as the backtest reads it. */
export type CallForBacktest = { userId: string; period: string; submittedAtMs: number; commitMinor: number };

/**
 * The call that spoke for the organisation at a moment: among `callerIds` (in order of precedence:
 * those whose call speaks for the organisation), the first who had called the period by `atMs`,
 * and their latest call then; null when none had. Calls submitted after `atMs` are never read,
 * so the baseline knows only what had been called by then.
 */
export function findLatestCall(
  calls: readonly CallForBacktest[],
  options: { callerIds: readonly string[]; period: string; atMs: number },
): CallForBacktest | null {
  for (const callerId of options.callerIds) {
    let latest: CallForBacktest | null = null;
    for (const call of calls) {
      if (call.userId !== callerId || call.period !== options.period || call.submittedAtMs > options.atMs)
        continue;
      if (latest === null || call.submittedAtMs >= latest.submittedAtMs) latest = call;
    }
    if (latest) return latest;
  }
  return null;
}
