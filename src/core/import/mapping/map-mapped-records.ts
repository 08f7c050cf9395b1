import { createHash } from 'node:crypto';
import { canonicalJson } from '../../canonical-json.js';
import {
  activityTypes,
  roles,
  type AccountRecord,
  type ActivityRecord,
  type Role,
  type UserRecord,
} from '../../org-entities.js';
import type { CsvRow } from '../csv-row.js';
import { inferActivityType } from '../infer-activity-type.js';
import type { RowProblem } from '../row-problem.js';
import { MappedRowReader, type MappingContext } from './mapped-row-reader.js';
import { readMappedValue, specColumn } from './read-mapped-value.js';

type Mapped<T> = { value: T | null; problems: RowProblem[] };
type Dated = { createdAt: Date | null; modifiedAt: Date | null };

export type MappedUserRow = Dated & { id: string; record: UserRecord; teamId: string | null; role: Role };

/** A user row: the person, and the team (looked up by name or given as an id) they belong to. */
export function mapMappedUser(row: CsvRow, context: MappingContext): Mapped<MappedUserRow> {
  const read = new MappedRowReader(row, context);
  const id = read.text('id', { required: true });
  const name = read.text('name', { required: true });
  const role = read.text('role')?.toLowerCase() ?? 'rep';
  if (!(roles as readonly string[]).includes(role))
    read.problem('role', role, `expected one of ${roles.join(', ')}`);
  const record = {
    email: read.text('email'),
    title: read.text('title'),
    active: read.flag('active') ?? true,
  };
  const teamId = read.text('team');
  const createdAt = read.instant('createdAt');
  const modifiedAt = read.instant('modifiedAt');
  if (read.problems.length > 0 || !id || !name) return { value: null, problems: read.problems };
  return {
    value: {
      id: context.mapping.idPrefix + id,
      record: { name, ...record },
      teamId,
      role: role as Role,
      createdAt,
      modifiedAt,
    },
    problems: [],
  };
}

export type MappedTeam = { id: string; name: string; parentId: string | null };

/**
 * A team row. With `path`, the row names the teams from the top of the tree down to its own, and
 * each becomes a team whose id is its path (`Central / Dustin Brinkmann team`). Without, the row
 * gives an id, a name and (optionally) its parent, by id or, with `lookup`, by name.
 */
export function mapMappedTeams(row: CsvRow, context: MappingContext): Mapped<MappedTeam[]> {
  const read = new MappedRowReader(row, context);
  const path = context.mapping.path;
  if (path) {
    const names = path.map((spec) => readMappedValue(read.read, spec, context.lookups));
    const teams: MappedTeam[] = [];
    let parentId: string | null = null;
    names.forEach((name, level) => {
      if (name === null) {
        const spec = path[level];
        if (read.problems.length === 0 && spec)
          read.read.problem(specColumn(spec), '', `the team name at level ${level + 1} is blank`);
        return;
      }
      const id: string = context.mapping.idPrefix + names.slice(0, level + 1).join(' / ');
      teams.push({ id, name, parentId });
      parentId = id;
    });
    return read.problems.length > 0
      ? { value: null, problems: read.problems }
      : { value: teams, problems: [] };
  }
  const id = read.text('id', { required: true });
  const name = read.text('name', { required: true });
  const parentId = read.text('parent');
  if (read.problems.length > 0 || !id || !name) return { value: null, problems: read.problems };
  return { value: [{ id: context.mapping.idPrefix + id, name, parentId }], problems: [] };
}

export type MappedAccountRow = Dated & { id: string; record: AccountRecord };

/** An account row; without an id column, the account's name is its id. */
export function mapMappedAccount(row: CsvRow, context: MappingContext): Mapped<MappedAccountRow> {
  const read = new MappedRowReader(row, context);
  const name = read.text('name', { required: true });
  const id = read.has('id') ? read.text('id', { required: true }) : name;
  const record = {
    ownerId: read.text('ownerId'),
    industry: read.text('industry'),
    segment: read.text('segment'),
    country: read.text('country'),
    fields: read.customFields(),
  };
  const createdAt = read.instant('createdAt');
  const modifiedAt = read.instant('modifiedAt');
  if (read.problems.length > 0 || !id || !name) return { value: null, problems: read.problems };
  return {
    value: { id: context.mapping.idPrefix + id, record: { name, ...record }, createdAt, modifiedAt },
    problems: [],
  };
}

/**
 * An activity row. Its type is the mapped value when it is one of Candor's (call, meeting, demo,
 * email, task, other), else inferred from that value and the subject; without an id, its content
 * is its identity (an identical row is the same activity).
 */
export function mapMappedActivity(
  row: CsvRow,
  context: MappingContext,
): Mapped<{ id: string; record: ActivityRecord }> {
  const read = new MappedRowReader(row, context);
  const occurredAt = read.instant('occurredAt', true);
  const typeText = read.text('type');
  const subject = read.text('subject', { keepText: true }) ?? '';
  const links = {
    opportunityId: read.text('opportunityId'),
    accountId: read.text('accountId'),
    ownerId: read.text('ownerId'),
  };
  const fields = read.customFields();
  const id = read.text('id');
  if (read.problems.length > 0 || !occurredAt) return { value: null, problems: read.problems };
  const lower = typeText?.toLowerCase() ?? '';
  const type = (activityTypes as readonly string[]).includes(lower)
    ? (lower as ActivityRecord['type'])
    : inferActivityType([typeText, subject], 'other');
  const record: ActivityRecord = { type, subject, occurredAt: occurredAt.toISOString(), ...links, fields };
  const identity = id ?? createHash('sha256').update(canonicalJson(record)).digest('hex').slice(0, 32);
  return { value: { id: context.mapping.idPrefix + identity, record }, problems: [] };
}
