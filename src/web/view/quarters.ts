/**
 * The quarters offered by the period picker. The API names fiscal quarters like 2026-Q3 and counts
 * them by the organisation's fiscal calendar; the session says which fiscal quarter holds today, and
 * the picker offers the last four and the next two around it (fiscal quarters follow one another
 * like calendar ones). The page shows the dates the server says each one covers.
 */
export type Quarter = { year: number; quarter: 1 | 2 | 3 | 4 };

export function quarterOf(date: Date): Quarter {
  return { year: date.getFullYear(), quarter: (Math.floor(date.getMonth() / 3) + 1) as Quarter['quarter'] };
}

export function formatQuarter(q: Quarter): string {
  return `${q.year}-Q${q.quarter}`;
}

export function parseQuarter(text: string | null): Quarter | null {
  const match = text ? /^(\d{4})-Q([1-4])$/.exec(text) : null;
  if (!match) return null;
  return { year: Number(match[1]), quarter: Number(match[2]) as Quarter['quarter'] };
}

export function addQuarters(q: Quarter, count: number): Quarter {
  const index = q.year * 4 + (q.quarter - 1) + count;
  return { year: Math.floor(index / 4), quarter: ((index % 4) + 1) as Quarter['quarter'] };
}

/** Oldest first: four quarters back, the current one, two ahead — plus `selected` when outside. */
export function quartersAround(currentQuarter: string, selected: string | null): string[] {
  const current = parseQuarter(currentQuarter) ?? quarterOf(new Date());
  const list: string[] = [];
  for (let offset = -4; offset <= 2; offset += 1) list.push(formatQuarter(addQuarters(current, offset)));
  if (selected && parseQuarter(selected) && !list.includes(selected)) {
    list.push(selected);
    list.sort();
  }
  return list;
}

export function currentQuarterText(today: Date): string {
  return formatQuarter(quarterOf(today));
}
