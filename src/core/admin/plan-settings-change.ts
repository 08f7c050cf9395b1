import { IANAZone } from 'luxon';
import { DomainError } from '../domain-error.js';
import type { OrgSettings } from '../org-entities.js';

/** The settings an administrator may change (the corporate currency and the demo mark are fixed). */
export type SettingsChange = Partial<
  Pick<
    OrgSettings,
    | 'name'
    | 'timeZone'
    | 'fiscalYearStartMonth'
    | 'fiscalYearNamedBy'
    | 'weekStartDay'
    | 'backdatedAfterHours'
    | 'lateCloseAfterDays'
  >
>;

/**
 * The settings that actually change, for an `org.configured` event (the reducer merges it over the
 * current settings). The time zone must be an IANA zone the runtime knows (not a bare offset such
 * as UTC+2, which ignores summer time), since it decides where every day, week and period begins. Refuses a change that changes nothing.
 */
export function planSettingsChange(current: OrgSettings, change: SettingsChange): SettingsChange {
  if (change.timeZone !== undefined && !IANAZone.isValidZone(change.timeZone)) {
    throw new DomainError('invalid-input', `'${change.timeZone}' is not a time zone`, [
      {
        where: 'timeZone',
        value: change.timeZone,
        reason: 'expected an IANA time zone such as Europe/Paris or UTC',
      },
    ]);
  }
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(change)) {
    if (value !== undefined && current[key as keyof OrgSettings] !== value) changed[key] = value;
  }
  if (Object.keys(changed).length === 0) {
    throw new DomainError('invalid-input', 'nothing to change: the settings already have these values');
  }
  return changed as SettingsChange;
}
