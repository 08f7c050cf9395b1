import { startOfDay } from '../../fiscal-calendar.js';
import type { ActivityRecord } from '../../org-entities.js';
import type { CsvRow } from '../csv-row.js';
import { inferActivityType } from '../infer-activity-type.js';
import { RowReader } from '../row-reader.js';
import type { RowProblem } from '../row-problem.js';
import { customFields } from './salesforce-custom-fields.js';
import { isSalesforceIdOf, salesforceId } from './salesforce-id.js';

export type MappedActivity = { id: string; record: ActivityRecord; modifiedAt: Date | null };

/**
 * Reads one Task or Event row into an activity. When it happened: an Event's start (or
 * ActivityDateTime), else the activity date (at the start of that day in the organisation's zone),
 * else its CreatedDate. What it is comes from TaskSubtype / EventSubtype, Type and Subject. It links
 * to an opportunity when WhatId is one, and to its account.
 */
export function mapSalesforceActivity(
  row: CsvRow,
  options: { object: 'Task' | 'Event'; timeZone: string },
): { value: MappedActivity | null; problems: RowProblem[] } {
  const read = new RowReader(row, options.timeZone);
  if (read.flag('IsDeleted') === true) return { value: null, problems: [] };
  const id = read.required('Id');
  const start = read.instant('StartDateTime') ?? read.instant('ActivityDateTime');
  const day = read.day('ActivityDate');
  const created = read.instant('CreatedDate');
  const modifiedAt = read.instant('LastModifiedDate') ?? read.instant('SystemModstamp');
  const occurredAt = start ?? (day ? startOfDay(day, options.timeZone) : created);
  if (!occurredAt && read.problems.length === 0) {
    read.problem(
      null,
      '',
      'the activity has no date: ActivityDate, ActivityDateTime and CreatedDate are all blank',
    );
  }
  if (read.problems.length > 0 || !id || !occurredAt) return { value: null, problems: read.problems };
  const subject = read.raw('Subject') ?? '';
  const whatId = salesforceId(read.text('WhatId'));
  const fields = customFields(row);
  for (const [column, key] of [
    ['Status', 'status'],
    ['Priority', 'priority'],
    ['WhoId', 'whoId'],
    ['DurationInMinutes', 'durationMinutes'],
    ['CallDurationInSeconds', 'callDurationSeconds'],
  ] as const) {
    const value = read.text(column);
    if (value !== null && !(column === 'WhoId' && salesforceId(value) === null)) fields[key] = value;
  }
  const record: ActivityRecord = {
    type: inferActivityType(
      [read.text('TaskSubtype'), read.text('EventSubtype'), read.text('Type'), subject],
      options.object === 'Event' ? 'meeting' : 'task',
    ),
    subject,
    occurredAt: occurredAt.toISOString(),
    opportunityId: whatId && isSalesforceIdOf(whatId, 'opportunity') ? whatId : null,
    accountId:
      salesforceId(read.text('AccountId')) ?? (whatId && isSalesforceIdOf(whatId, 'account') ? whatId : null),
    ownerId: salesforceId(read.text('OwnerId')),
    fields,
  };
  return { value: { id, record, modifiedAt }, problems: [] };
}
