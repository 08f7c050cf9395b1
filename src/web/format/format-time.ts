/**
 * Dates as people in a sales team read them: "12 Mar 2026". Days (YYYY-MM-DD) are calendar days
 * with no time zone, so they are formatted as UTC to keep the day from shifting; instants are shown
 * in the viewer's own zone, with UTC in the tooltip.
 */
const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

const instantFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatDay(day: string | null): string {
  if (day === null) return '—';
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : dayFormat.format(date);
}

export function formatInstant(instant: string | null): string {
  if (instant === null) return '—';
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : instantFormat.format(date);
}

/** "3 days", "5 hours": how much later something was recorded than it took effect. */
export function formatDelay(fromInstant: string, toInstant: string): string {
  const hours = (new Date(toInstant).getTime() - new Date(fromInstant).getTime()) / 3_600_000;
  if (hours < 48) return `${Math.max(1, Math.round(hours))} hours`;
  return `${Math.round(hours / 24)} days`;
}

/** Today as YYYY-MM-DD in the viewer's zone (the default of date inputs). */
export function todayText(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}
