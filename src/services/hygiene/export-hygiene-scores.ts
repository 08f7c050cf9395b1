import type { TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import { asOfStamp, scopeCut } from './export-file-stamp.js';
import type { ExportHygieneOptions } from './export-hygiene-flags.js';
import { getHygieneReport, type HygieneReport } from './get-hygiene-report.js';

type Scores = HygieneReport['scores'];
type Score = Scores['total'];

/** One row of the scores file: everything the caller may see, a team, or an owner. */
export type HygieneScoreRow = Score & {
  type: 'all' | 'team' | 'owner';
  id: string | null;
  name: string | null;
  teamId: string | null;
  teamName: string | null;
};

/**
 * The hygiene scores GET /api/hygiene answers for the same moment, team, owner and scope, as a CSV
 * or XLSX file: the total first, then one row per team, then one per owner with their team.
 */
export async function exportHygieneScores(
  handle: DatabaseHandle,
  options: ExportHygieneOptions,
): Promise<TableDownload> {
  const report = await getHygieneReport(handle, { ...options, trendWeeks: 0, withForecast: false });
  return tableDownload({
    name: `hygiene-scores${scopeCut(options)}-as-of-${asOfStamp(report.asOf)}`,
    format: options.format,
    sheetName: 'Hygiene scores',
    columns: hygieneScoreColumns(report.currency),
    rows: hygieneScoreRows(report.scores),
  });
}

export function hygieneScoreRows(scores: Scores): HygieneScoreRow[] {
  return [
    { ...scores.total, type: 'all', id: null, name: null, teamId: null, teamName: null },
    ...scores.teams.map(({ team, teamName, ...score }): HygieneScoreRow => ({
      ...score,
      type: 'team',
      id: team,
      name: teamName,
      teamId: team,
      teamName,
    })),
    ...scores.owners.map(({ owner, ownerName, team, teamName, ...score }): HygieneScoreRow => ({
      ...score,
      type: 'owner',
      id: owner,
      name: ownerName,
      teamId: team,
      teamName,
    })),
  ];
}

export function hygieneScoreColumns(currency: string): TableColumn<HygieneScoreRow>[] {
  return [
    { header: 'type', kind: 'text', value: (r) => r.type, width: 8 },
    { header: 'id', kind: 'text', value: (r) => r.id, width: 12 },
    { header: 'name', kind: 'text', value: (r) => r.name },
    { header: 'team id', kind: 'text', value: (r) => r.teamId, width: 12 },
    { header: 'team', kind: 'text', value: (r) => r.teamName },
    { header: 'score', kind: 'number', value: (r) => r.score },
    { header: 'open deals', kind: 'integer', value: (r) => r.openDeals },
    { header: 'flagged deals', kind: 'integer', value: (r) => r.flaggedDeals },
    { header: `open value (${currency})`, kind: 'decimal', value: (r) => r.openValue },
    { header: `flagged value (${currency})`, kind: 'decimal', value: (r) => r.flaggedValue },
  ];
}
