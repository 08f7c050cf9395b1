import { applyCallPolicyChange, defaultCallPolicy, type CallPolicy } from '../../core/calls/call-policy.js';
import { DomainError } from '../../core/domain-error.js';
import { findCallPolicy } from '../../store/call-queries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { runChange, type ChangeContext } from '../admin/change-context.js';

/** The call policy in force: what admins set, or the defaults. */
export async function getCallPolicy(handle: DatabaseHandle): Promise<CallPolicy> {
  return withConnection(handle, async (conn) => (await findCallPolicy(conn)) ?? defaultCallPolicy);
}

/**
 * An admin's change of the call policy, as one `call_policy.changed` ledger event carrying only the
 * fields that change. Windows already closed stay as they were: each call recorded the week it
 * counted for when it was submitted.
 */
export async function changeCallPolicy(
  handle: DatabaseHandle,
  options: ChangeContext & { change: Partial<CallPolicy> },
): Promise<CallPolicy> {
  return runChange(handle, options, async (conn, record) => {
    const current = (await findCallPolicy(conn)) ?? defaultCallPolicy;
    let next: CallPolicy;
    try {
      next = applyCallPolicyChange(current, options.change);
    } catch {
      throw new DomainError('invalid-input', 'the call policy change is not valid');
    }
    const changed = Object.fromEntries(
      Object.entries(next).filter(([key, value]) => current[key as keyof CallPolicy] !== value),
    );
    if (Object.keys(changed).length > 0) {
      await record([
        { entityType: 'call_policy', entityId: 'call-policy', kind: 'call_policy.changed', payload: changed },
      ]);
    }
    return next;
  });
}
