import { describe, expect, it } from 'vitest';
import { csvRow } from '../test-rows.js';
import { inferActivityType } from '../infer-activity-type.js';
import { mapSalesforceActivity } from './map-salesforce-activity.js';
import { mapSalesforceFieldHistory } from './map-salesforce-field-history.js';
import { mapSalesforceOpportunity } from './map-salesforce-opportunity.js';

const currencies = { corporate: 'USD', decimals: (code: string) => (code === 'JPY' ? 0 : 2) };

describe('mapSalesforceOpportunity', () => {
  const columns = [
    'Id',
    'Name',
    'AccountId',
    'StageName',
    'Amount',
    'CurrencyIsoCode',
    'ForecastCategory',
    'ForecastCategoryName',
    'CloseDate',
    'CreatedDate',
    'MainCompetitors__c',
    'Region__c',
  ];

  it('reads API field names, the all-zero id as none, and the label or API value of the category', () => {
    const mapped = mapSalesforceOpportunity(
      csvRow(columns, [
        '006A',
        '',
        '000000000000000AAA',
        'Negotiation/Review',
        '1500000.4',
        'JPY',
        'Forecast',
        '',
        '2018-08-22 00:00:00',
        '2018-01-02 10:00:00',
        'Honda',
        'EMEA',
      ]),
      { timeZone: 'UTC', currencies },
    );
    expect(mapped.problems).toEqual([]);
    expect(mapped.value?.values).toMatchObject({
      name: '006A',
      accountId: null,
      amountMinor: 1500000n,
      currency: 'JPY',
      forecastCategory: 'Commit',
      closeDate: '2018-08-22',
      createdAt: new Date('2018-01-02T10:00:00Z'),
      competitor: 'Honda',
      fields: { Region__c: 'EMEA' },
    });
    expect(mapped.value?.amountInput).toBe('1500000.4');
  });

  it('reports every bad value of a row with its column', () => {
    const mapped = mapSalesforceOpportunity(
      csvRow(columns, ['006B', 'Deal', '', '', 'ten', 'USD', 'Maybe', '', '2018-02-30 00:00:00', '', '', '']),
      { timeZone: 'UTC', currencies },
    );
    expect(mapped.value).toBeNull();
    expect(mapped.problems).toEqual([
      { column: 'StageName', value: '', reason: 'a value is required' },
      { column: 'Amount', value: 'ten', reason: 'expected a decimal number such as 1234.50' },
      {
        column: 'ForecastCategory',
        value: 'Maybe',
        reason: 'expected a forecast category: Pipeline, Best Case, Commit, Closed or Omitted',
      },
      { column: 'CloseDate', value: '2018-02-30 00:00:00', reason: 'not a real calendar date' },
    ]);
  });
});

describe('mapSalesforceFieldHistory', () => {
  const columns = ['Id', 'OpportunityId', 'CreatedDate', 'Field', 'OldValue', 'NewValue'];
  const row = (field: string, oldValue: string, newValue: string) =>
    mapSalesforceFieldHistory(
      csvRow(columns, ['017A', '006A', '2023-02-15 11:00:00', field, oldValue, newValue]),
      'UTC',
    );

  it('keeps owner changes by id and skips their name-valued twin and Salesforce markers', () => {
    expect(row('Owner', '005000000000003AAA', '005000000000002AAA').value).toMatchObject({
      other: { ownerId: '005000000000002AAA' },
      previous: { ownerId: '005000000000003AAA' },
      originKey: 'sf:OpportunityFieldHistory:017A',
    });
    expect(row('Owner', 'Cleo West', 'Bob East')).toEqual({ value: null, problems: [] });
    expect(row('created', '', '')).toEqual({ value: null, problems: [] });
  });

  it('reads stage, close date and amount changes, and rejects a bad value', () => {
    expect(row('StageName', 'Prospecting', 'Qualification').value).toMatchObject({
      stage: 'Qualification',
      previous: { stage: 'Prospecting' },
    });
    expect(row('CloseDate', '2023-03-31', '2023-04-30').value).toMatchObject({
      closeDate: '2023-04-30',
      previous: { closeDate: '2023-03-31' },
    });
    expect(row('Amount', '100', '250.5').value).toMatchObject({ amountText: '250.5' });
    expect(row('CloseDate', '', 'soon').problems).toEqual([
      { column: 'NewValue', value: 'soon', reason: 'expected a date such as 2018-08-22' },
    ]);
  });
});

describe('activities', () => {
  it('takes the kind from the subtype, the type, then the subject', () => {
    expect(inferActivityType(['Call', null, 'Intro'], 'task')).toBe('call');
    expect(inferActivityType(['Task', null, 'Product demo for Acme'], 'task')).toBe('demo');
    expect(inferActivityType(['Task', null, 'Prepare quote'], 'task')).toBe('task');
    expect(inferActivityType([null, null, 'On-site visit'], 'meeting')).toBe('meeting');
    expect(inferActivityType([null, 'ListEmail'], 'task')).toBe('email');
  });

  it('dates a task by its activity date at midnight in the organisation’s zone and links its opportunity', () => {
    const columns = [
      'Id',
      'WhatId',
      'OwnerId',
      'Subject',
      'ActivityDate',
      'TaskSubtype',
      'Description',
      'CreatedDate',
    ];
    const mapped = mapSalesforceActivity(
      csvRow(columns, [
        '00TA',
        '006000000000001AAA',
        '005A',
        'Call Müller',
        '2023-02-10',
        'Call',
        '<b>pricing</b>\nnext week',
        '2023-02-10 10:00:00',
      ]),
      { object: 'Task', timeZone: 'Europe/Paris' },
    );
    expect(mapped.value?.record).toEqual({
      type: 'call',
      subject: 'Call Müller',
      occurredAt: '2023-02-09T23:00:00.000Z',
      opportunityId: '006000000000001AAA',
      accountId: null,
      ownerId: '005A',
      fields: { description: '<b>pricing</b>\nnext week' },
    });
  });
});
