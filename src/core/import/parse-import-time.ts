import { DateTime } from 'luxon';
import { valueError, valueOk, type ValueOutcome } from './row-problem.js';

/**
 * Timestamps and dates as CRM exports write them:
 * - Salesforce exports: `2018-08-22 00:00:00` (no zone) and the API's `2018-08-22T17:16:45.000+0000`;
 * - ISO 8601 with `Z` or an offset, with or without seconds and milliseconds;
 * - a bare date `2018-08-22` (midnight);
 * - any luxon format a mapping file declares (`MM/dd/yyyy`, `dd.MM.yyyy HH:mm`).
 * A timestamp written without a zone is read in the organisation's time zone: that is the zone the
 * CRM user saw it in, and the zone Candor's days and periods begin in.
 *
 * The ISO forms are read without luxon (a million history rows carry a million timestamps, and
 * luxon's general parser costs ~20 µs each); luxon still answers what only it knows: custom
 * formats, and a zone's offset at a given local hour (cached per hour, as offsets only change at
 * whole hours in current time-zone rules).
 */
export type TimeFormat = { timeZone: string; format?: string | undefined };

const isoLike =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

export function parseImportInstant(text: string, options: TimeFormat): ValueOutcome<Date> {
  const trimmed = text.trim();
  if (trimmed === '') return valueError('a date and time is required');
  if (options.format) {
    const value = DateTime.fromFormat(trimmed, options.format, { zone: options.timeZone });
    return value.isValid
      ? valueOk(value.toJSDate())
      : valueError(`expected ${describeFormat(options.format, true)}`);
  }
  const match = isoLike.exec(trimmed);
  if (!match) return valueError(`expected ${describeFormat(undefined, true)}`);
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!isRealDay(year, month, day) || hour > 23 || minute > 59 || second > 59) {
    return valueError('not a real date and time');
  }
  const millis = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const zone = match[8];
  if (zone) return valueOk(new Date(local - offsetMinutesOf(zone) * 60_000));
  const offset = zoneOffsetMinutes(options.timeZone, year, month, day, hour);
  return offset === null
    ? valueError(`unknown time zone ${options.timeZone}`)
    : valueOk(new Date(local - offset * 60_000));
}

/**
 * A calendar day (close dates are days, not instants). Without a declared format the day is the
 * date as written, whatever time and zone follow it: `2018-08-22 00:00:00` and
 * `2018-08-22T00:00:00Z` are both 22 August, the day the CRM showed its user.
 */
export function parseImportDay(text: string, format?: string): ValueOutcome<string> {
  const trimmed = text.trim();
  if (trimmed === '') return valueError('a date is required');
  if (format) {
    const value = DateTime.fromFormat(trimmed, format, { zone: 'utc' });
    return value.isValid
      ? valueOk(value.toISODate() ?? '')
      : valueError(`expected ${describeFormat(format, false)}`);
  }
  const match = isoLike.exec(trimmed);
  if (!match) return valueError(`expected ${describeFormat(undefined, false)}`);
  return isRealDay(Number(match[1]), Number(match[2]), Number(match[3]))
    ? valueOk(trimmed.slice(0, 10))
    : valueError('not a real calendar date');
}

function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function offsetMinutesOf(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}

const utcNames = new Set(['utc', 'etc/utc', 'gmt', 'etc/gmt', 'z']);
const offsetCache = new Map<string, number | null>();

/** The zone's offset from UTC, in minutes, during a local hour (null for an unknown zone). */
function zoneOffsetMinutes(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour: number,
): number | null {
  if (utcNames.has(timeZone.toLowerCase())) return 0;
  const key = `${timeZone} ${year}-${month}-${day} ${hour}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const value = DateTime.fromObject({ year, month, day, hour }, { zone: timeZone });
    // A local hour skipped by a DST change is read as luxon reads it: moved forward.
    offset = value.isValid ? value.offset - (value.hour - hour) * 60 : null;
    if (offsetCache.size > 200_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

function describeFormat(format: string | undefined, withTime: boolean): string {
  if (format) return `a date in the format ${format}`;
  return withTime
    ? 'a date and time such as 2018-08-22 14:05:00, 2018-08-22T14:05:00Z or 2018-08-22'
    : 'a date such as 2018-08-22';
}
