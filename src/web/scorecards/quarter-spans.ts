/**
 * The months and fiscal weeks inside a fiscal quarter, for the scorecards' period picker.
 *
 * The web app does not know the organisation's fiscal calendar, only what the server says a period
 * covers. Two facts are enough to name every week of a quarter exactly as the server does
 * (src/core/fiscal-calendar.ts): the quarter's days, and the first day of week 1 of its fiscal
 * year. Week 1 begins on the week-start day on or before the fiscal year's first day, so that day
 * also gives the week-start weekday, and week 1 of the next year follows from the next year's first
 * day (one year after this one's). Months are calendar months, named as such whatever the fiscal
 * year start. Days are `YYYY-MM-DD`; `end` is the first day after (exclusive), as the API gives it.
 */
export type Span = { period: string; start: string; end: string };

export type QuarterSpans = { months: Span[]; weeks: Span[] };

export type QuarterFacts = {
  /** e.g. `2026-Q3`: its year names the fiscal year. */
  quarter: string;
  quarterStart: string;
  quarterEnd: string;
  /** The first day of week 1 of the quarter's fiscal year (the server's `YYYY-W01`). */
  firstWeekStart: string;
};

const msPerDay = 86_400_000;

function toUtc(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function toDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function addMonths(day: string, months: number): string {
  const date = new Date(toUtc(day));
  date.setUTCMonth(date.getUTCMonth() + months);
  return toDay(date.getTime());
}

/** `2026-Q3` → { year: 2026, index: 3 }; null for anything else. */
export function parseQuarterText(text: string): { year: number; index: number } | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(text);
  return match ? { year: Number(match[1]), index: Number(match[2]) } : null;
}

export function listQuarterSpans(facts: QuarterFacts): QuarterSpans {
  const quarter = parseQuarterText(facts.quarter);
  if (!quarter) return { months: [], weeks: [] };
  const months: Span[] = [];
  for (let start = facts.quarterStart; start < facts.quarterEnd; start = addMonths(start, 1)) {
    months.push({ period: start.slice(0, 7), start, end: addMonths(start, 1) });
  }
  // Week 1 of the next fiscal year: the week-start day on or before that year's first day.
  const yearStart = addMonths(facts.quarterStart, -3 * (quarter.index - 1));
  const nextYearStart = toUtc(addMonths(yearStart, 12));
  const weekday = new Date(toUtc(facts.firstWeekStart)).getUTCDay();
  const back = (new Date(nextYearStart).getUTCDay() - weekday + 7) % 7;
  const nextFirstWeek = nextYearStart - back * msPerDay;
  const firstWeek = toUtc(facts.firstWeekStart);
  const quarterStart = toUtc(facts.quarterStart);
  const quarterEnd = toUtc(facts.quarterEnd);
  const weeks: Span[] = [];
  // From the week holding the quarter's first day to the one holding its last.
  let start = firstWeek + Math.floor((quarterStart - firstWeek) / (7 * msPerDay)) * 7 * msPerDay;
  for (; start < quarterEnd; start += 7 * msPerDay) {
    const [year, origin] =
      start >= nextFirstWeek ? [quarter.year + 1, nextFirstWeek] : [quarter.year, firstWeek];
    const index = Math.round((start - origin) / (7 * msPerDay)) + 1;
    weeks.push({
      period: `${year}-W${String(index).padStart(2, '0')}`,
      start: toDay(start),
      end: toDay(start + 7 * msPerDay),
    });
  }
  return { months, weeks };
}

/** The span holding `day`, else the first one: what a picker opens on. */
export function spanHolding(spans: readonly Span[], day: string): Span | null {
  return spans.find((s) => s.start <= day && day < s.end) ?? spans[0] ?? null;
}
