const dayMs = 86_400_000;

/** An instant `days` whole days after another. */
export function addDaysToInstant(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * dayMs);
}

/** Whole days elapsed between two instants (rounded down). */
export function wholeDaysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / dayMs);
}

/** The later of two instants. */
export function laterOf(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/** An instant as its UTC day, for evidence texts. */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
