import type { ActivityType } from '../org-entities.js';

const patterns: [ActivityType, RegExp][] = [
  ['demo', /\bdemo/i],
  ['meeting', /\bmeeting|\bmeet\b|\bvisit\b|\bappointment/i],
  ['call', /\bcall\b|\bcalls\b|\bphone\b|\bcalled\b/i],
  ['email', /e-?mail/i],
  ['task', /^task$|\bto-?do\b/i],
];

/**
 * The kind of an activity from what the CRM says about it, most specific first: the subtype
 * (Salesforce's TaskSubtype: Call, Email, Task, ListEmail…), then the type picklist, then the
 * subject ("Demo for ACME" is a demo); the generic subtype "Task" gives way to a more specific hint. A CRM Event with nothing more specific is a meeting; what
 * matches nothing is `fallback`.
 */
export function inferActivityType(hints: readonly (string | null)[], fallback: ActivityType): ActivityType {
  let generic = false;
  for (const hint of hints) {
    if (!hint) continue;
    const type = patterns.find(([, pattern]) => pattern.test(hint))?.[0];
    // "Task" is Salesforce's subtype for anything not a call or email: a later hint may say more.
    if (type === 'task') generic = true;
    else if (type) return type;
  }
  return generic ? 'task' : fallback;
}
