import type { MeetingStatus } from '../engagement/engagement-records.js';

/**
 * A meeting as an import reads it, before Candor links it to what the ledger holds: the account and
 * deal it names (either may be missing: the deal gives the account), its people as the file names
 * them, and whether the file says it was planned (null: decide by its title and type).
 */
export type ImportedMeetingDraft = {
  id: string;
  originKey: string;
  accountId: string | null;
  opportunityId: string | null;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  status: MeetingStatus | null;
  planned: boolean;
  /** Candor user ids: the owner first, then the other attendees the file names. */
  attendeeIds: string[];
  externalAttendees: string[];
  outcome: string | null;
  nextSteps: string | null;
};

const businessReview = /\b(qbr|ebr|business review|account review)\b/i;

/**
 * Whether an imported meeting was part of the executive programme's plan. CRMs have no such flag,
 * so the rule is what the programme plans: business reviews. A meeting whose title or type names a
 * quarterly or executive business review (`QBR`, `EBR`, "business review", "account review") is
 * planned; any other meeting was not. "Planned" is decided once, when the meeting is imported, like
 * a meeting logged in Candor.
 */
export function isBusinessReview(hints: readonly (string | null)[]): boolean {
  return hints.some((hint) => hint !== null && businessReview.test(hint));
}

/** A meeting without a stated status: held when it has started by the time of the import, else scheduled. */
export function computeImportedMeetingStatus(startsAt: Date, now: Date): MeetingStatus {
  return startsAt.getTime() > now.getTime() ? 'scheduled' : 'held';
}

/** Minutes a meeting lasts, kept within what a meeting record holds (1 minute to a day). */
export function clampMeetingMinutes(minutes: number): number {
  return Math.min(24 * 60, Math.max(1, Math.round(minutes)));
}
