import type { AccessScope } from '../../core/access-scope.js';
import { groupFlagsByDeal } from '../../core/hygiene/compute-hygiene-score.js';
import { computeHygieneScores } from '../../core/hygiene/compute-hygiene-scores.js';
import type { Severity } from '../../core/hygiene/hygiene-rule-id.js';
import { loadHygienePeople } from '../../store/hygiene-people.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { evaluateHygieneAsOf } from './evaluate-hygiene-as-of.js';

/** `candor hygiene --json`: the flags as of a moment and the scores, by id. */
export type HygieneSnapshot = {
  asOf: string;
  flags: {
    deal: string;
    owner: string | null;
    rule: string;
    severity: Severity;
    evidence: string;
    since: string;
  }[];
  /** One row per owner (with their home team), then one per team (owner null). */
  scores: { owner: string | null; team: string | null; score: number | null }[];
};

export async function getHygieneSnapshot(
  handle: DatabaseHandle,
  options: { asOf: Date; scope: AccessScope },
): Promise<HygieneSnapshot> {
  return withConnection(handle, async (conn) => {
    const evaluation = await evaluateHygieneAsOf(conn, { ...options, alongside: handle });
    const people = await loadHygienePeople(conn);
    const open = evaluation.deals.filter((d) => !d.isClosed);
    const scores = computeHygieneScores(open, groupFlagsByDeal(evaluation.flags), people);
    return {
      asOf: options.asOf.toISOString(),
      flags: evaluation.flags.map((f) => ({
        deal: f.dealId,
        owner: f.ownerId,
        rule: f.rule,
        severity: f.severity,
        evidence: f.evidence,
        since: f.since.toISOString(),
      })),
      scores: [
        ...scores.owners.map((s) => ({ owner: s.ownerId, team: s.teamId, score: s.score })),
        ...scores.teams.map((s) => ({ owner: null, team: s.teamId, score: s.score })),
      ],
    };
  });
}
