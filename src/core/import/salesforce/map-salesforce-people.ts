import type { AccountRecord, TeamRecord, UserRecord } from '../../org-entities.js';
import type { CsvRow } from '../csv-row.js';
import { RowReader } from '../row-reader.js';
import type { RowProblem } from '../row-problem.js';
import { customFields } from './salesforce-custom-fields.js';
import { salesforceId } from './salesforce-id.js';

type Mapped<T> = { value: T | null; problems: RowProblem[] };

/** A UserRole row: a team of the hierarchy, under its parent role. */
export function mapSalesforceRole(row: CsvRow): Mapped<{ id: string; record: TeamRecord }> {
  const read = new RowReader(row, 'UTC');
  const id = read.required('Id');
  if (!id) return { value: null, problems: read.problems };
  const parentId = salesforceId(read.text('ParentRoleId'));
  return {
    value: { id, record: { name: read.text('Name') ?? id, parentId: parentId === id ? null : parentId } },
    problems: [],
  };
}

export type MappedUser = {
  id: string;
  record: UserRecord;
  roleId: string | null;
  createdAt: Date | null;
  modifiedAt: Date | null;
};

/** A User row: the person, and the role (team) they sit in. */
export function mapSalesforceUser(row: CsvRow, timeZone: string): Mapped<MappedUser> {
  const read = new RowReader(row, timeZone);
  const id = read.required('Id');
  const active = read.flag('IsActive');
  const createdAt = read.instant('CreatedDate');
  const modifiedAt = read.instant('LastModifiedDate') ?? read.instant('SystemModstamp');
  if (!id || read.problems.length > 0) return { value: null, problems: read.problems };
  const fullName = [read.text('FirstName'), read.text('LastName')].filter(Boolean).join(' ');
  const record: UserRecord = {
    name: read.text('Name') ?? (fullName || (read.text('Username') ?? id)),
    email: read.text('Email'),
    title: read.text('Title'),
    active: active ?? true,
  };
  const roleId = salesforceId(read.text('UserRoleId'));
  return { value: { id, record, roleId, createdAt, modifiedAt }, problems: [] };
}

/** A user that the files name (as an owner) but do not describe: named after its id, clearly. */
export function placeholderUser(id: string): UserRecord {
  return { name: `Salesforce user ${id}`, email: null, title: 'not in the export', active: true };
}

export type MappedAccount = {
  id: string;
  record: AccountRecord;
  createdAt: Date | null;
  modifiedAt: Date | null;
};

const accountFieldColumns: [string, string][] = [
  ['Type', 'type'],
  ['AccountNumber', 'accountNumber'],
  ['Website', 'website'],
  ['Phone', 'phone'],
  ['AnnualRevenue', 'annualRevenue'],
  ['NumberOfEmployees', 'employees'],
  ['Rating', 'rating'],
  ['Ownership', 'ownership'],
  ['BillingCity', 'billingCity'],
  ['BillingState', 'billingState'],
];

/** An Account row. */
export function mapSalesforceAccount(row: CsvRow, timeZone: string): Mapped<MappedAccount> {
  const read = new RowReader(row, timeZone);
  if (read.flag('IsDeleted') === true) return { value: null, problems: [] };
  const id = read.required('Id');
  const createdAt = read.instant('CreatedDate');
  const modifiedAt = read.instant('LastModifiedDate') ?? read.instant('SystemModstamp');
  if (!id || read.problems.length > 0) return { value: null, problems: read.problems };
  const fields = customFields(row);
  for (const [column, key] of accountFieldColumns) {
    const value = read.text(column);
    if (value !== null) fields[key] = value;
  }
  const parentId = salesforceId(read.text('ParentId'));
  if (parentId) fields.parentId = parentId;
  const record: AccountRecord = {
    name: read.text('Name') ?? id,
    ownerId: salesforceId(read.text('OwnerId')),
    industry: read.text('Industry'),
    segment: null,
    country: read.text('BillingCountry') ?? read.text('ShippingCountry'),
    fields,
  };
  return { value: { id, record, createdAt, modifiedAt }, problems: [] };
}
