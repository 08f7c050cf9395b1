/**
 * The canonical text of a JSON value: object keys sorted by code unit, no white space, numbers and
 * strings as `JSON.stringify` writes them. Two values that mean the same serialise to the same text,
 * which is what the ledger hash needs. `undefined` members are dropped, as JSON drops them.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const record = value as Record<string, unknown>;
      // Default sort compares UTF-16 code units, which is the order required here.
      const keys = Object.keys(record).sort();
      let text = '';
      for (const key of keys) {
        const member = record[key];
        if (member === undefined) continue;
        text += `${text === '' ? '' : ','}${JSON.stringify(key)}:${canonicalJson(member)}`;
      }
      return `{${text}}`;
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not a JSON value`);
  }
}
