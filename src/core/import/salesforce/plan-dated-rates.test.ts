import { describe, expect, it } from 'vitest';
import { csvRow } from '../test-rows.js';
import { mapSalesforceDatedRate, type MappedDatedRate } from './map-salesforce-dated-rate.js';
import { planDatedRates } from './plan-dated-rates.js';

const columns = ['Id', 'IsoCode', 'ConversionRate', 'StartDate', 'NextStartDate'];
const dated = (code: string, conversionRate: string, startDay: string): MappedDatedRate => ({
  code,
  conversionRate,
  startDay,
  nextStartDay: null,
});

describe('mapSalesforceDatedRate', () => {
  it('reads a range, Salesforce timestamps as days and the open-ended 9999-12-31', () => {
    expect(
      mapSalesforceDatedRate(csvRow(columns, ['04w1', 'eur', '0.9', '2023-04-01 00:00:00', '9999-12-31'])),
    ).toEqual({
      value: { code: 'EUR', conversionRate: '0.9', startDay: '2023-04-01', nextStartDay: '9999-12-31' },
      problems: [],
    });
  });

  it('names every bad value of a row', () => {
    expect(mapSalesforceDatedRate(csvRow(columns, ['04w1', 'EURO', '0', '', '2023-01-01'])).problems).toEqual(
      [
        { column: 'IsoCode', value: 'EURO', reason: 'expected an ISO 4217 code such as EUR' },
        { column: 'ConversionRate', value: '0', reason: 'a conversion rate cannot be zero' },
        { column: 'StartDate', value: '', reason: 'a start date is required' },
      ],
    );
    expect(
      mapSalesforceDatedRate(csvRow(columns, ['04w1', 'EUR', '1.1', '2023-02-30', ''])).problems,
    ).toEqual([{ column: 'StartDate', value: '2023-02-30', reason: 'not a real calendar date' }]);
  });
});

describe('planDatedRates', () => {
  it('gives each range the cross rate into the corporate currency, from its start day', () => {
    const plan = planDatedRates({
      rows: [
        dated('EUR', '0.9', '2023-04-01'),
        dated('USD', '1', '0001-01-01'),
        dated('EUR', '0.8', '0001-01-01'),
      ],
      corporate: 'USD',
      corporateConversion: '1',
    });
    expect(plan.rates).toEqual([
      { code: 'EUR', validFrom: '0001-01-01', rate: '1.25' },
      { code: 'EUR', validFrom: '2023-04-01', rate: '1.111111111111111111' },
    ]);
    expect([...plan.datedCodes]).toEqual(['EUR']);
    expect(plan.notes).toEqual([]);
  });

  it('takes the base from the corporate currency’s own range in force on each start day', () => {
    // The export's corporate currency is USD, the organisation's EUR: a dollar is worth 1 / 0.8 euros
    // until April, then 1 / 0.9; a pound (0.7 per dollar from March) is 0.9 / 0.7 euros from April.
    const plan = planDatedRates({
      rows: [
        dated('EUR', '0.8', '0001-01-01'),
        dated('EUR', '0.9', '2023-04-01'),
        dated('USD', '1', '0001-01-01'),
        dated('GBP', '0.7', '2023-03-01'),
        dated('GBP', '0.72', '2023-04-15'),
      ],
      corporate: 'EUR',
      corporateConversion: null,
    });
    expect(plan.rates).toEqual([
      { code: 'GBP', validFrom: '2023-03-01', rate: '1.142857142857142857' },
      { code: 'GBP', validFrom: '2023-04-15', rate: '1.25' },
      { code: 'USD', validFrom: '0001-01-01', rate: '0.8' },
    ]);
  });

  it('leaves out, with a note, ranges whose corporate base is unknown', () => {
    const plan = planDatedRates({
      rows: [dated('EUR', '0.8', '0001-01-01'), dated('GBP', '0.7', '2023-03-01')],
      corporate: 'CHF',
      corporateConversion: null,
    });
    expect(plan.rates).toEqual([]);
    expect(plan.notes).toEqual([
      'dated rates of EUR, GBP not all imported: neither DatedConversionRate nor CurrencyType gives the corporate currency CHF a rate on their start days',
    ]);
  });
});
