import { describe, expect, it } from 'vitest';
import { csvRow } from '../test-rows.js';
import { RowReader } from '../row-reader.js';
import { checkMapping, mappingFileSchema } from './mapping-file.js';
import { NameIndex } from './name-index.js';
import { lookupFileKey, readMappedValue, type MappingLookups } from './read-mapped-value.js';

const lookups: MappingLookups = {
  user: new NameIndex('user', [
    { id: 'u1', name: 'Moses Frase' },
    { id: 'u2', name: 'Anna Snelling' },
    { id: 'u3', name: 'Anna Snelling' },
  ]),
  account: new NameIndex('account', [{ id: 'a1', name: 'Cancity' }]),
  team: new NameIndex('team'),
  opportunity: new NameIndex('opportunity'),
  files: new Map([
    [
      lookupFileKey({ file: 'products.csv', key: 'product', value: 'sales_price' }),
      new Map([['GTX Pro', '4821']]),
    ],
  ]),
};

function read(columns: string[], values: string[], spec: Parameters<typeof readMappedValue>[1]) {
  const reader = new RowReader(csvRow(columns, values), 'UTC');
  return { value: readMappedValue(reader, spec, lookups), problems: reader.problems };
}

describe('readMappedValue', () => {
  it('maps values, fixes spellings before looking them up in a second file, and looks names up', () => {
    expect(
      read(['product'], ['GTXPro'], {
        column: 'product',
        map: { GTXPro: 'GTX Pro' },
        lookupFile: { file: 'products.csv', key: 'product', value: 'sales_price' },
      }),
    ).toEqual({ value: '4821', problems: [] });
    expect(read(['agent'], [' moses frase '], { column: 'agent', lookup: 'user' })).toEqual({
      value: 'u1',
      problems: [],
    });
    expect(read(['t'], ['x'], { template: '{agent} team' }).problems).toEqual([
      { column: '{agent} team', value: '', reason: 'the file lacks a column the template names' },
    ]);
  });

  it('reads blanks and nullIf values as the default or nothing', () => {
    expect(read(['v'], ['0'], { column: 'v', nullIf: ['0'] })).toEqual({ value: null, problems: [] });
    expect(read(['d'], [''], { column: 'd', default: '2017-12-31' })).toEqual({
      value: '2017-12-31',
      problems: [],
    });
    expect(read(['a'], [''], { column: 'a', lookup: 'account' })).toEqual({ value: null, problems: [] });
  });

  it('refuses ambiguous and unknown names, and unmapped values when asked', () => {
    expect(read(['agent'], ['Anna Snelling'], { column: 'agent', lookup: 'user' }).problems[0]?.reason).toBe(
      "2 users are named 'Anna Snelling' (u2, u3…)",
    );
    expect(read(['a'], ['Nowhere'], { column: 'a', lookup: 'account' }).problems[0]?.reason).toBe(
      "no account is named 'Nowhere'; import the accounts first",
    );
    expect(
      read(['s'], ['Won?'], { column: 's', map: { Won: 'Won' }, unmapped: 'reject' }).problems[0]?.reason,
    ).toBe("'Won?' is not one of the mapped values (Won)");
  });
});

describe('mapping files', () => {
  it('accept a column name as shorthand and refuse fields the entity does not have', () => {
    const mapping = mappingFileSchema.parse({
      fields: {
        id: 'opportunity_id',
        stage: { column: 'deal_stage' },
        createdAt: 'engage_date',
        colour: 'c',
      },
    });
    expect(mapping.fields.id).toEqual({ column: 'opportunity_id' });
    expect(checkMapping('opportunities', mapping)).toEqual(["unknown field 'colour' for opportunities"]);
    expect(checkMapping('users', mappingFileSchema.parse({ fields: { id: 'x' } }))).toEqual([
      "field 'name' is required for users",
    ]);
    expect(mappingFileSchema.safeParse({ fields: { id: { column: 'a', value: 'b' } } }).success).toBe(false);
  });
});
