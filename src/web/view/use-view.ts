import { useCallback, useContext, useMemo } from 'react';
import { SessionContext } from '../session/session-context.js';
import { useSearchParams } from 'react-router';
import { currentQuarterText, parseQuarter } from './quarters.js';

/**
 * What every page looks at: the fiscal quarter and, when set, the past instant the whole app shows
 * ("as of"). Both live in the address bar, so a view can be bookmarked, shared and reloaded, and
 * every link in the app carries them along (`carry`).
 */
export type View = {
  period: string;
  /** The fiscal quarter that holds today. */
  currentQuarter: string;
  /** A day (YYYY-MM-DD), read by the API as midnight UTC; null means now. */
  asOf: string | null;
  isHistory: boolean;
  setPeriod: (period: string) => void;
  setAsOf: (day: string | null) => void;
  /** A link target that keeps period and as-of: `carry('/deals/42')`. */
  carry: (pathname: string) => { pathname: string; search: string };
};

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

export function useView(): View {
  const [params, setParams] = useSearchParams();
  const periodParam = params.get('period');
  const asOfParam = params.get('asOf');
  // The fiscal quarter of today comes from the session; calendar arithmetic only before it loads.
  const currentQuarter = useContext(SessionContext)?.currentQuarter ?? currentQuarterText(new Date());
  const period = parseQuarter(periodParam) ? (periodParam as string) : currentQuarter;
  const asOf = asOfParam && dayPattern.test(asOfParam) ? asOfParam : null;

  const update = useCallback(
    (key: string, value: string | null) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value === null) next.delete(key);
          else next.set(key, value);
          return next;
        },
        { replace: false },
      ),
    [setParams],
  );

  return useMemo(() => {
    const kept = new URLSearchParams();
    if (periodParam && parseQuarter(periodParam)) kept.set('period', periodParam);
    if (asOf) kept.set('asOf', asOf);
    const search = kept.toString() ? `?${kept.toString()}` : '';
    return {
      period,
      currentQuarter,
      asOf,
      isHistory: asOf !== null,
      setPeriod: (value: string) => update('period', value),
      setAsOf: (value: string | null) => update('asOf', value),
      carry: (pathname: string) => ({ pathname, search }),
    };
  }, [period, currentQuarter, periodParam, asOf, update]);
}
