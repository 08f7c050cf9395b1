import { cell, type CsvRow } from '../csv-row.js';
import type { RowReader } from '../row-reader.js';
import type { FieldSpec } from './mapping-file.js';
import type { NameIndex } from './name-index.js';

/** What mapped values are looked up in. */
export type MappingLookups = {
  user: NameIndex;
  account: NameIndex;
  team: NameIndex;
  opportunity: NameIndex;
  /** Second CSV files of `lookupFile`, as key → value maps, by `lookupFileKey`. */
  files: Map<string, Map<string, string>>;
};

/** Identifies one `lookupFile` spec: its file and the two columns it pairs. */
export function lookupFileKey(lookup: { file: string; key: string; value: string }): string {
  return `${lookup.file}\u0000${lookup.key}\u0000${lookup.value}`;
}

/** The column a spec reads, for reports: its column, its template, or `(constant)`. */
export function specColumn(spec: FieldSpec): string {
  return spec.column ?? spec.template ?? '(constant)';
}

/**
 * The text of a mapped field for one row, cleaned as the spec says: read (column, constant or
 * template), trimmed, blank or `nullIf` → default or null, value map, lookup file, prefix, lookup
 * by name. Problems go to the reader; the result is then null.
 */
export function readMappedValue(
  read: RowReader,
  spec: FieldSpec | undefined,
  lookups: MappingLookups,
  options: { keepText?: boolean } = {},
): string | null {
  if (!spec) return null;
  const column = specColumn(spec);
  const raw = rawValue(read.row, spec);
  if (raw === undefined) {
    read.problem(
      column,
      '',
      spec.column ? `the file has no column '${spec.column}'` : 'the file lacks a column the template names',
    );
    return null;
  }
  let value: string | null = options.keepText ? raw : raw.trim();
  if (value.trim() === '' || spec.nullIf?.includes(value.trim())) value = spec.default ?? null;
  if (value === null) return null;
  if (spec.map) {
    const mapped = spec.map[value] ?? lowerMatch(spec.map, value);
    if (mapped !== undefined) value = mapped;
    else if (spec.unmapped === 'reject') {
      read.problem(
        column,
        value,
        `'${value}' is not one of the mapped values (${Object.keys(spec.map).join(', ')})`,
      );
      return null;
    }
  }
  if (spec.lookupFile) {
    const found = lookups.files.get(lookupFileKey(spec.lookupFile))?.get(value);
    if (found === undefined) {
      read.problem(column, value, `'${value}' is not a ${spec.lookupFile.key} in ${spec.lookupFile.file}`);
      return null;
    }
    value = found;
  }
  if (spec.prefix) value = spec.prefix + value;
  if (spec.lookup) return read.take(column, value, lookups[spec.lookup].resolve(value));
  return value;
}

function rawValue(row: CsvRow, spec: FieldSpec): string | undefined {
  if (spec.value !== undefined) return spec.value;
  if (spec.column !== undefined) return cell(row, spec.column);
  let missing = false;
  const text = (spec.template ?? '').replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = cell(row, name);
    if (value === undefined) missing = true;
    return value?.trim() ?? '';
  });
  return missing ? undefined : text;
}

function lowerMatch(map: Record<string, string>, value: string): string | undefined {
  const lower = value.toLowerCase();
  for (const [key, mapped] of Object.entries(map)) if (key.toLowerCase() === lower) return mapped;
  return undefined;
}
