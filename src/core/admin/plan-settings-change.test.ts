import { describe, expect, it } from 'vitest';
import { defaultOrgSettings } from '../org-entities.js';
import { planSettingsChange } from './plan-settings-change.js';

describe('planSettingsChange', () => {
  it('keeps only what changes', () => {
    expect(
      planSettingsChange(defaultOrgSettings, {
        timeZone: 'Europe/Paris',
        weekStartDay: 1,
        fiscalYearStartMonth: 4,
      }),
    ).toEqual({ timeZone: 'Europe/Paris', fiscalYearStartMonth: 4 });
  });

  it('accepts IANA zones only, not bare offsets', () => {
    expect(planSettingsChange(defaultOrgSettings, { timeZone: 'America/New_York' })).toEqual({
      timeZone: 'America/New_York',
    });
    expect(() => planSettingsChange(defaultOrgSettings, { timeZone: 'UTC+2' })).toThrow(
      "'UTC+2' is not a time zone",
    );
    expect(() => planSettingsChange(defaultOrgSettings, { timeZone: 'Mars/Olympus' })).toThrow(
      "'Mars/Olympus' is not a time zone",
    );
  });

  it('refuses a change that changes nothing', () => {
    expect(() => planSettingsChange(defaultOrgSettings, { name: 'Candor', timeZone: 'UTC' })).toThrow(
      'nothing to change: the settings already have these values',
    );
  });
});
