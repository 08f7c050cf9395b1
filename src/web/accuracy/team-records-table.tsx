import type { TrackRecordsResponse } from '../../api/calls.js';
import { formatShare } from '../forecast/signed-money.js';

type Team = TrackRecordsResponse['teams'][number];

/**
 * Each team's number over closed quarters: the team's call (its leader's) and the sum of its
 * members' calls, both against what the team closed, and how often the leader's judgement beat
 * the sum.
 */
export function TeamRecordsTable({ teams }: { teams: readonly Team[] }) {
  return (
    <div className="table-scroll table-scroll-auto">
      <table className="data-table call-grid" data-testid="team-records">
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Leader</th>
            <th scope="col" className="num">
              Quarters
            </th>
            <th scope="col" className="num" title="Accuracy of the leader's call for the team">
              Team call
            </th>
            <th scope="col" className="num" title="Accuracy of the sum of the members' calls">
              Members' sum
            </th>
            <th scope="col" className="num">
              Team call bias
            </th>
            <th scope="col" className="num">
              Sum bias
            </th>
            <th
              scope="col"
              className="num"
              title="Weeks the team's call was closer to the actual than the members' sum, and further"
            >
              Judgement +/−
            </th>
          </tr>
        </thead>
        <tbody>
          {teams.map((t) => (
            <tr key={t.teamId} className="call-row" data-testid={`team-record-${t.teamId}`}>
              <td className="call-who">{t.teamName}</td>
              <td>{t.leaderName}</td>
              <td className="num">{t.call.periods}</td>
              <td className="num">{formatShare(t.call.meanAccuracy01)}</td>
              <td className="num">{formatShare(t.rollup.meanAccuracy01)}</td>
              <td className="num">{formatSigned(t.call.bias01)}</td>
              <td className="num">{formatSigned(t.rollup.bias01)}</td>
              <td className="num">
                {t.judgement.weeks > 0
                  ? `${t.judgement.better} / ${t.judgement.worse} (${verdict(t.judgement.meanAccuracyGain01)})`
                  : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function formatSigned(share01: number | null): string {
  if (share01 === null) return '—';
  const rounded = Math.round(share01 * 1000) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${Math.abs(rounded)} %`;
}

function verdict(gain01: number | null): string {
  if (gain01 === null) return '—';
  const points = Math.round(gain01 * 1000) / 10;
  if (points > 0) return `beats the sum by ${points} pts`;
  if (points < 0) return `trails the sum by ${Math.abs(points)} pts`;
  return 'level with the sum';
}
