import { z } from 'zod';

/**
 * How an organisation runs its forecast calls, set by admins (a `call_policy.changed` ledger event):
 * - `cadence`: a call is due every week of the period (`weekly`, the default) or every second week
 *   (`fortnightly`: weeks 2, 4, 6 … of the period);
 * - `dueWeekday` and `dueTime`: when a week's call is due, in the organisation's time zone
 *   (ISO weekday, 1 = Monday … 7 = Sunday; 24-hour `HH:MM`);
 * - `reasonShare01`: a call whose commit or best case differs from the bottom-up roll-up by more
 *   than this share of the roll-up must carry a written reason.
 */
export const callPolicySchema = z.object({
  cadence: z.enum(['weekly', 'fortnightly']),
  dueWeekday: z.number().int().min(1).max(7),
  dueTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a 24-hour time such as 17:00'),
  reasonShare01: z.number().min(0).max(1),
});
export type CallPolicy = z.infer<typeof callPolicySchema>;

/** Thursday 17:00, every week, a reason beyond 10 %. */
export const defaultCallPolicy: CallPolicy = {
  cadence: 'weekly',
  dueWeekday: 4,
  dueTime: '17:00',
  reasonShare01: 0.1,
};

/** The policy after a change: the fields given replace the current ones. */
export function applyCallPolicyChange(current: CallPolicy | null, change: object): CallPolicy {
  return callPolicySchema.parse({ ...(current ?? defaultCallPolicy), ...change });
}
