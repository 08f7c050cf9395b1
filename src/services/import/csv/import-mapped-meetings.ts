import { canonicalJson } from '../../../core/canonical-json.js';
import type { ImportedMeetingDraft } from '../../../core/import/imported-meeting.js';
import { mapMappedMeeting, type MappedMeetingRow } from '../../../core/import/mapping/map-mapped-meeting.js';
import { NameIndex } from '../../../core/import/mapping/name-index.js';
import { specColumn } from '../../../core/import/mapping/read-mapped-value.js';
import type { RowProblem } from '../../../core/import/row-problem.js';
import { listEntityNames } from '../../../store/import-records.js';
import type { Connection } from '../../../store/session.js';
import { readBatchRows } from '../for-each-row.js';
import { upsertImportedMeetings } from '../import-meetings.js';
import { FirstById, type CsvRun } from './csv-run.js';

const meetingsPerAppend = 2_000;

type RowPlace = { line: number; byteStart: number; byteEnd: number };

/**
 * Meetings from a CSV: each row becomes the `meeting` a person would log (docs/imports.md). The
 * owner and `attendees` (`;`-separated user ids or names) must be Candor users: they decide whether
 * an executive attended; `externalAttendees` are anyone else. A row whose deal or account Candor
 * does not hold, or whose people it does not know, is rejected with the reason.
 */
export async function importMappedMeetings(conn: Connection, run: CsvRun): Promise<void> {
  const users = await listEntityNames(conn, 'user');
  const userIds = new Set(users.map((u) => u.id));
  const byName = new NameIndex('user', users);
  const first = new FirstById();
  let pending: { draft: ImportedMeetingDraft; row: RowPlace }[] = [];
  const flush = async () => {
    const problems = await upsertImportedMeetings(
      conn,
      run.batch,
      pending.map((p) => p.draft),
    );
    for (const [index, problem] of problems) {
      const item = pending[index];
      if (!item) continue;
      run.batch.reject(run.fileIndex, item.row, [
        { column: column(run, problem.field), value: problem.value, reason: problem.reason },
      ]);
    }
    pending = [];
  };
  for await (const row of readBatchRows(run.batch, run.fileIndex, { onProgress: run.onProgress })) {
    const mapped = mapMappedMeeting(row, run.context);
    if (!mapped.value) {
      run.batch.reject(run.fileIndex, row, mapped.problems);
      continue;
    }
    const people = findPeople(run, mapped.value, { userIds, byName });
    if ('problems' in people) {
      run.batch.reject(run.fileIndex, row, people.problems);
      continue;
    }
    const { ownerId: _owner, attendeeNames: _names, ...rest } = mapped.value;
    const draft: ImportedMeetingDraft = { ...rest, attendeeIds: people.attendeeIds };
    const seen = first.check(
      draft.id,
      row.line,
      canonicalJson({ ...draft, startsAt: draft.startsAt.toISOString() }),
    );
    if (seen.conflictLine !== null) {
      run.batch.reject(run.fileIndex, row, [
        {
          column: column(run, 'id'),
          value: draft.id,
          reason: `duplicate id: line ${seen.conflictLine} gives this meeting different values`,
        },
      ]);
    }
    if (seen.duplicate) continue;
    pending.push({ draft, row: { line: row.line, byteStart: row.byteStart, byteEnd: row.byteEnd } });
    if (pending.length >= meetingsPerAppend) await flush();
  }
  await flush();
}

/** The owner, then the attendees, as Candor user ids: an id, else a name only one user has. */
function findPeople(
  run: CsvRun,
  row: MappedMeetingRow,
  users: { userIds: ReadonlySet<string>; byName: NameIndex },
): { attendeeIds: string[] } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const ids: string[] = [];
  if (row.ownerId !== null) {
    if (users.userIds.has(row.ownerId)) ids.push(row.ownerId);
    else
      problems.push({
        column: column(run, 'ownerId'),
        value: row.ownerId,
        reason: `no user ${row.ownerId} in Candor: import the users first`,
      });
  }
  for (const name of row.attendeeNames) {
    if (users.userIds.has(name)) {
      ids.push(name);
      continue;
    }
    const found = users.byName.resolve(name);
    if (found.ok) ids.push(found.value);
    else
      problems.push({
        column: column(run, 'attendees'),
        value: name,
        reason: `${found.reason} (people outside Candor go in externalAttendees)`,
      });
  }
  return problems.length > 0 ? { problems } : { attendeeIds: [...new Set(ids)] };
}

function column(run: CsvRun, key: string): string {
  const spec = run.context.mapping.fields[key];
  return spec ? specColumn(spec) : key;
}
