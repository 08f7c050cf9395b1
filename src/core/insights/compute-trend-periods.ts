import { formatPeriod, parsePeriod } from '../fiscal-calendar.js';

/**
 * The `count` periods ending with `period`, oldest first, of the same kind: 2023-Q2 → 2022-Q3,
 * 2022-Q4, 2023-Q1, 2023-Q2; 2023-02 → 2022-11 … 2023-02. Weeks give the week alone (fiscal years
 * have 52 or 53 of them, which the calendar module decides per year).
 */
export function computeTrendPeriods(period: string, count: number): string[] {
  const parsed = parsePeriod(period);
  if (parsed.kind === 'week') return [formatPeriod(parsed)];
  const perYear = parsed.kind === 'quarter' ? 4 : parsed.kind === 'month' ? 12 : 1;
  const periods: string[] = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const ordinal = parsed.year * perYear + (parsed.index - 1) - back;
    const year = Math.floor(ordinal / perYear);
    periods.push(formatPeriod({ kind: parsed.kind, year, index: (ordinal % perYear) + 1 }));
  }
  return periods;
}
