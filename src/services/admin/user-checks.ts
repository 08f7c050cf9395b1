import { DomainError } from '../../core/domain-error.js';
import type { Role } from '../../core/org-entities.js';
import {
  findUserIdsByEmail,
  listTeams,
  listUsersWithRoles,
  type TeamRow,
} from '../../store/admin-queries.js';
import { findUserRecord } from '../../store/org-queries.js';
import type { Connection } from '../../store/session.js';

type Db = Pick<Connection, 'db'>;

/** Refuses an e-mail another person already has, whatever its case: sign-in would be ambiguous. */
export async function requireFreeEmail(conn: Db, email: string, exceptUserId?: string): Promise<void> {
  const others = (await findUserIdsByEmail(conn, email)).filter((id) => id !== exceptUserId);
  const [first] = others;
  if (first === undefined) return;
  const holder = (await findUserRecord(conn, first))?.name ?? first;
  throw new DomainError('conflict', `${holder} already has the e-mail ${email}`, [
    { where: 'email', value: email, reason: 'e-mail addresses are unique, whatever their case' },
  ]);
}

/** The team, or invalid-input naming the field that referred to it. */
export async function requireTeam(conn: Db, teamId: string, where: string): Promise<TeamRow> {
  const team = (await listTeams(conn)).find((t) => t.id === teamId);
  if (!team) {
    throw new DomainError('invalid-input', `there is no team '${teamId}'`, [
      { where, value: teamId, reason: 'no team has this id' },
    ]);
  }
  return team;
}

export async function requireUser(conn: Db, userId: string): Promise<void> {
  if (!(await findUserRecord(conn, userId))) {
    throw new DomainError('not-found', `there is no user '${userId}'`, [
      { where: 'id', value: userId, reason: 'no person has this id' },
    ]);
  }
}

/**
 * Refuses a change that would leave no active administrator: nobody could then manage people,
 * roles or settings except by editing the database, which the ledger exists to prevent.
 * `after` says, for a person, whether they would still be an active admin after the change.
 */
export async function keepAnAdmin(
  conn: Db,
  affectedUserId: string,
  stillAdmin: (roles: readonly { teamId: string; role: Role }[], active: boolean) => boolean,
): Promise<void> {
  const users = await listUsersWithRoles(conn);
  const isAdmin = (u: (typeof users)[number]) => u.active && u.roles.some((r) => r.role === 'admin');
  const affected = users.find((u) => u.id === affectedUserId);
  if (!affected || !isAdmin(affected) || stillAdmin(affected.roles, affected.active)) return;
  if (users.some((u) => u.id !== affectedUserId && isAdmin(u))) return;
  throw new DomainError('conflict', `${affected.name} is the last active administrator`, [
    { where: 'id', value: affectedUserId, reason: 'make someone else an admin first' },
  ]);
}
