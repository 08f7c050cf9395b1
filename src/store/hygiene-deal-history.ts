import { computeDealHistory } from '../core/hygiene/compute-deal-history.js';
import type { ClosePush } from '../core/hygiene/deal-facts.js';
import type { OpportunityVersion } from '../core/opportunity-history.js';
import type { ProjectionColumn, ProjectionRow, ProjectionTable } from './projection-tables.js';

const text = (name: string): ProjectionColumn => ({ name, read: name });
const ts = (name: string): ProjectionColumn => ({
  name,
  read: `to_char(${name} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
});

/**
 * Each deal's history facts for the hygiene rules (migration 0014), projected with the deal's
 * other tables from its versions: `hygiene_deal_facts` (one row per deal) and
 * `hygiene_stage_stays` (one row per completed stay). See core/hygiene/compute-deal-history.ts.
 */
export const dealHistoryProjectionTables: readonly ProjectionTable[] = [
  {
    name: 'hygiene_deal_facts',
    entityColumn: 'id',
    columns: [
      text('id'),
      ts('first_seen'),
      text('first_stage'),
      ts('last_change_at'),
      text('pushes'),
      ts('amount_since'),
      ts('close_since'),
      ts('category_since'),
      ts('next_since'),
      ts('fields_since'),
    ],
  },
  {
    name: 'hygiene_stage_stays',
    entityColumn: 'id',
    columns: [text('id'), text('stage'), ts('entered_at'), ts('left_at')],
  },
];

/**
 * The rows of both tables for one deal, from its versions (oldest first). `time` writes an instant
 * as ISO text; the deal's projection passes the one it remembers texts with (an import writes
 * millions of instants, most of them repeated).
 */
export function projectDealHistory(
  id: string,
  versions: readonly OpportunityVersion[],
  time: (at: Date) => string = (at) => at.toISOString(),
): Record<string, ProjectionRow[]> {
  const history = computeDealHistory(versions);
  return {
    hygiene_deal_facts: [
      {
        id,
        first_seen: time(history.firstSeenAt),
        first_stage: history.firstStage,
        last_change_at: time(history.lastChangeAt),
        pushes: formatPushes(history.pushes),
        amount_since: time(history.since.amount),
        close_since: time(history.since.closeDate),
        category_since: time(history.since.category),
        next_since: time(history.since.nextStep),
        fields_since: time(history.since.fields),
      },
    ],
    hygiene_stage_stays: history.stays.map((stay) => ({
      id,
      stage: stay.stage,
      entered_at: time(stay.enteredAt),
      left_at: time(stay.leftAt),
    })),
  };
}

/** Pushes as `from>to>at` joined by commas (close dates are `YYYY-MM-DD`, so neither sign occurs in them). */
export function formatPushes(pushes: readonly ClosePush[]): string | null {
  if (pushes.length === 0) return null;
  return pushes.map((p) => `${p.from}>${p.to}>${p.at.toISOString()}`).join(',');
}

/**
 * The inverse of formatPushes. `intern` hands back one instance per distinct text (close dates
 * repeat across deals): on 100,000 deals with six pushes each, a copy per push was a third of
 * the memory the facts held.
 */
export function parsePushes(text: string | null, intern: (text: string) => string = (t) => t): ClosePush[] {
  if (text === null) return [];
  return text.split(',').map((part) => {
    // `YYYY-MM-DD>YYYY-MM-DD>instant`: the days have a fixed length.
    return { from: intern(part.slice(0, 10)), to: intern(part.slice(11, 21)), at: parseIsoInstant(part, 22) };
  });
}

/**
 * The instant `toISOString` wrote at `start` of `text` (`YYYY-MM-DDTHH:mm:ss.sssZ`), read by its
 * fixed positions: parsing the text with `new Date` was most of the cost of reading 600,000
 * pushes. Anything else goes to `new Date`.
 */
export function parseIsoInstant(text: string, start = 0): Date {
  if (text.length - start !== 24 || text.charCodeAt(start + 23) !== 90 /* Z */)
    return new Date(text.slice(start));
  const year = digitsAt(text, start, 4);
  // Date.UTC reads years 0–99 as 1900–1999.
  if (!(year >= 100)) return new Date(text.slice(start));
  const ms = Date.UTC(
    year,
    digitsAt(text, start + 5, 2) - 1,
    digitsAt(text, start + 8, 2),
    digitsAt(text, start + 11, 2),
    digitsAt(text, start + 14, 2),
    digitsAt(text, start + 17, 2),
    digitsAt(text, start + 20, 3),
  );
  return Number.isNaN(ms) ? new Date(text.slice(start)) : new Date(ms);
}

/** The number written by `length` decimal digits at `from`; NaN when any is not a digit. */
function digitsAt(text: string, from: number, length: number): number {
  let value = 0;
  for (let i = from; i < from + length; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}
