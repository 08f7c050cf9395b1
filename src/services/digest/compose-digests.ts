import { everything } from '../../core/access-scope.js';
import { buildDigests } from '../../core/digest/build-digests.js';
import type { Digest } from '../../core/digest/digest.js';
import { groupFlagsByDeal } from '../../core/hygiene/compute-hygiene-score.js';
import { computeHygieneScores } from '../../core/hygiene/compute-hygiene-scores.js';
import { formatMinor } from '../../core/money.js';
import { findTeamMemberIds } from '../../store/find-team-member-ids.js';
import { loadHygienePeople } from '../../store/hygiene-people.js';
import type { Connection } from '../../store/session.js';
import { computeWeekChanges } from '../hygiene/compute-week-changes.js';

/**
 * The week's digests as of `asOf`: every owner's flags, and for every manager their team's flags,
 * hygiene score and five biggest changes since a week before. Read-only.
 */
export async function composeDigests(
  conn: Pick<Connection, 'db' | 'eachRow'>,
  options: { asOf: Date },
): Promise<Digest[]> {
  const { evaluation, rows } = await computeWeekChanges(conn, { asOf: options.asOf, scope: everything });
  const people = await loadHygienePeople(conn);
  const open = evaluation.deals.filter((d) => !d.isClosed);
  const scores = computeHygieneScores(open, groupFlagsByDeal(evaluation.flags), people);
  const teamMembers = new Map<string, string[]>();
  for (const { teamId } of people.managers) {
    if (!teamMembers.has(teamId)) teamMembers.set(teamId, (await findTeamMemberIds(conn, teamId)) ?? []);
  }
  const decimals = evaluation.org.corporateDecimals;
  return buildDigests({
    asOf: options.asOf,
    currency: evaluation.org.settings.corporateCurrency,
    flags: evaluation.flags,
    changes: rows.map((r) => ({
      dealId: r.deal.id,
      dealName: r.deal.name,
      ownerId: r.deal.ownerId,
      changes: r.changes,
      magnitudeMinor: r.magnitudeMinor,
      amount:
        r.deal.corporateAmountMinor === null ? null : formatMinor(r.deal.corporateAmountMinor, decimals),
    })),
    teamScores: new Map(scores.teams.map((t) => [t.teamId, t.score])),
    people: { ...people, teamMembers },
    topChanges: 5,
  });
}
