import { planSettingsChange, type SettingsChange } from '../../core/admin/plan-settings-change.js';
import type { OrgSettings } from '../../core/org-entities.js';
import type { DatabaseHandle } from '../../store/session.js';
import { withConnection } from '../../store/session.js';
import { runChange, type ChangeContext } from './change-context.js';
import { getOrgContext } from '../org-context.js';

/** The organisation's settings (fiscal calendar, time zone, thresholds). */
export async function getSettings(handle: DatabaseHandle): Promise<OrgSettings> {
  return withConnection(handle, async (conn) => (await getOrgContext(conn)).settings);
}

/**
 * Changes settings as one `org.configured` event holding only what changes. A new fiscal calendar
 * or time zone applies to every period computed from then on, past periods included: periods are
 * always computed, never stored.
 */
export async function changeSettings(
  handle: DatabaseHandle,
  options: ChangeContext & { change: SettingsChange },
): Promise<OrgSettings> {
  return runChange(handle, options, async (conn, record) => {
    const current = (await getOrgContext(conn)).settings;
    const payload = planSettingsChange(current, options.change);
    await record([{ entityType: 'org', entityId: 'org', kind: 'org.configured', payload: { ...payload } }]);
    return (await getOrgContext(conn)).settings;
  });
}
