import type { AccessScope } from '../../core/access-scope.js';
import type { OverrideEffect } from '../../core/calls/compute-override-effect.js';
import type { TrackRecord } from '../../core/calls/compute-track-record.js';
import type { TableColumn } from '../../core/export/table-column.js';
import type { DatabaseHandle } from '../../store/session.js';
import { tableDownload, type TableDownload } from '../export/table-download.js';
import type { TableFormat } from '../export/write-table.js';
import { getTrackRecords, type PersonTrackRecord, type TrackRecords } from './get-track-records.js';

/**
 * One row of the file: Candor's own forecast of the caller's scope, a person, or a team (its
 * leader's call, with the sum of its members' calls beside it).
 */
export type TrackRecordLine = {
  type: 'candor-forecast' | 'person' | 'team';
  id: string;
  name: string;
  role: string | null;
  teamId: string | null;
  teamName: string | null;
  leaderId: string | null;
  leaderName: string | null;
  record: Pick<TrackRecord, 'periods' | 'accuracyByWeek' | 'meanAccuracy01' | 'bias01'>;
  person: PersonTrackRecord | null;
  /** Weeks a leader's call beat the sum of their reports' calls (a person's overrides, a team's judgement). */
  judgement: OverrideEffect | null;
  members: number | null;
  membersSum: TrackRecord | null;
  coverage01: number | null;
};

/**
 * The track records the accuracy page shows (GET /api/calls/track-records for the same periods and
 * read scope) as a CSV or XLSX file: Candor's forecast when it has been scored, each person, then
 * each team whose whole subtree the caller reads.
 */
export async function exportTrackRecords(
  handle: DatabaseHandle,
  options: {
    readScope: AccessScope;
    now: Date;
    periods?: readonly string[] | undefined;
    format: TableFormat;
  },
): Promise<TableDownload> {
  const records = await getTrackRecords(handle, options);
  const first = records.periods[0];
  const last = records.periods.at(-1);
  const span =
    first === undefined || last === undefined ? 'none' : first === last ? first : `${first}-to-${last}`;
  return tableDownload({
    name: `track-records-${span}`,
    format: options.format,
    sheetName: 'Track records',
    columns: trackRecordColumns(records),
    rows: trackRecordLines(records),
  });
}

export function trackRecordLines(records: TrackRecords): TrackRecordLine[] {
  const candor = records.candorForecast;
  const none = { teamId: null, teamName: null, leaderId: null, leaderName: null, members: null };
  const lines: TrackRecordLine[] = [];
  if (candor.scored > 0) {
    lines.push({
      ...none,
      type: 'candor-forecast',
      id: candor.scopeKey,
      name: "Candor's forecast",
      role: null,
      record: {
        periods: candor.periods,
        accuracyByWeek: candor.accuracyByWeek.map((w) => ({ ...w, calls: w.forecasts })),
        meanAccuracy01: candor.meanAccuracy01,
        bias01: candor.bias01,
      },
      person: null,
      judgement: null,
      membersSum: null,
      coverage01: candor.coverage01,
    });
  }
  for (const person of records.people) {
    lines.push({
      ...none,
      type: 'person',
      id: person.userId,
      name: person.name,
      role: person.role,
      teamId: person.teamId,
      teamName: person.teamName,
      record: person,
      person,
      judgement: person.overrides,
      membersSum: null,
      coverage01: null,
    });
  }
  for (const team of records.teams) {
    lines.push({
      type: 'team',
      id: team.teamId,
      name: team.teamName,
      role: null,
      teamId: team.teamId,
      teamName: team.teamName,
      leaderId: team.leaderId,
      leaderName: team.leaderName,
      record: team.call,
      person: null,
      judgement: team.judgement,
      members: team.members,
      membersSum: team.rollup,
      coverage01: null,
    });
  }
  return lines;
}

export function trackRecordColumns(records: TrackRecords): TableColumn<TrackRecordLine>[] {
  const money = (header: string, value: (line: TrackRecordLine) => string | null) =>
    ({ header: `${header} (${records.currency})`, kind: 'decimal', value }) as const;
  const hits = (line: TrackRecordLine) => line.person?.commitHitRate ?? null;
  return [
    { header: 'periods scored over', kind: 'text', value: () => records.periods.join(', '), width: 24 },
    { header: 'type', kind: 'text', value: (l) => l.type, width: 16 },
    { header: 'id', kind: 'text', value: (l) => l.id, width: 20 },
    { header: 'name', kind: 'text', value: (l) => l.name },
    { header: 'role', kind: 'text', value: (l) => l.role, width: 10 },
    { header: 'team id', kind: 'text', value: (l) => l.teamId },
    { header: 'team', kind: 'text', value: (l) => l.teamName },
    { header: 'leader id', kind: 'text', value: (l) => l.leaderId },
    { header: 'leader', kind: 'text', value: (l) => l.leaderName },
    { header: 'quarters', kind: 'integer', value: (l) => l.record.periods },
    { header: 'accuracy', kind: 'percent', value: (l) => l.record.meanAccuracy01 },
    { header: 'first scored week', kind: 'integer', value: (l) => l.record.accuracyByWeek[0]?.week ?? null },
    {
      header: 'first week accuracy',
      kind: 'percent',
      value: (l) => l.record.accuracyByWeek[0]?.accuracy01 ?? null,
    },
    {
      header: 'last scored week',
      kind: 'integer',
      value: (l) => l.record.accuracyByWeek.at(-1)?.week ?? null,
    },
    {
      header: 'last week accuracy',
      kind: 'percent',
      value: (l) => l.record.accuracyByWeek.at(-1)?.accuracy01 ?? null,
    },
    { header: 'bias', kind: 'percent', value: (l) => l.record.bias01 },
    { header: 'own bias', kind: 'percent', value: (l) => l.person?.rawBias01 ?? null },
    { header: 'team bias', kind: 'percent', value: (l) => l.person?.teamBias01 ?? null },
    { header: 'own weight', kind: 'percent', value: (l) => l.person?.ownWeight01 ?? null },
    { header: 'commit deals', kind: 'integer', value: (l) => hits(l)?.deals ?? null },
    { header: 'commit deals won', kind: 'integer', value: (l) => hits(l)?.won ?? null },
    { header: 'commit deals won share', kind: 'percent', value: (l) => hits(l)?.wonShare01 ?? null },
    money('committed', (l) => hits(l)?.committedAmount ?? null),
    money('committed won', (l) => hits(l)?.wonAmount ?? null),
    { header: 'committed won share', kind: 'percent', value: (l) => hits(l)?.wonAmountShare01 ?? null },
    { header: 'members', kind: 'integer', value: (l) => l.members },
    { header: "members' sum accuracy", kind: 'percent', value: (l) => l.membersSum?.meanAccuracy01 ?? null },
    { header: "members' sum bias", kind: 'percent', value: (l) => l.membersSum?.bias01 ?? null },
    { header: 'own call weeks scored', kind: 'integer', value: (l) => l.judgement?.weeks ?? null },
    { header: 'own call better', kind: 'integer', value: (l) => l.judgement?.better ?? null },
    { header: 'own call worse', kind: 'integer', value: (l) => l.judgement?.worse ?? null },
    { header: 'own call unchanged', kind: 'integer', value: (l) => l.judgement?.unchanged ?? null },
    {
      header: 'own call accuracy gain',
      kind: 'percent',
      value: (l) => l.judgement?.meanAccuracyGain01 ?? null,
    },
    { header: 'p10-p90 coverage', kind: 'percent', value: (l) => l.coverage01 },
  ];
}
