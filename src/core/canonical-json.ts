/**
 * The canonical text of a JSON value: object keys sorted by code unit, no white space, numbers and
 * strings as `JSON.stringify` writes them. Two values that mean the same serialise to the same text,
 * which is what the ledger hash needs. `undefined` members are dropped, as JSON drops them.
 *
 * Every imported event goes through here (for its hash and its stored payload), so the common case is
 * kept cheap: strings without characters JSON escapes are quoted directly, and the quoted form of
 * each object key is remembered (payloads use a few dozen keys over and over). A property test holds
 * the text equal to the plain recursive definition.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return quoteJson(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        let text = '';
        for (let i = 0; i < value.length; i += 1) text += (i === 0 ? '' : ',') + canonicalJson(value[i]);
        return `[${text}]`;
      }
      const record = value as Record<string, unknown>;
      // Default sort compares UTF-16 code units, which is the order required here.
      const keys = Object.keys(record).sort();
      let text = '';
      for (const key of keys) {
        const member = record[key];
        if (member === undefined) continue;
        text += `${text === '' ? '' : ','}${quoteKey(key)}:${canonicalJson(member)}`;
      }
      return `{${text}}`;
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not a JSON value`);
  }
}

/** Characters JSON.stringify writes escaped: quote, backslash, controls, and (lone) surrogates. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const needsEscape = /["\\\u0000-\u001f\ud800-\udfff]/;

/** `JSON.stringify` of a string, without its cost for the plain strings that are most of them. */
export function quoteJson(text: string): string {
  return needsEscape.test(text) ? JSON.stringify(text) : `"${text}"`;
}

const quotedKeys = new Map<string, string>();
const maxQuotedKeys = 10_000;

function quoteKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = quoteJson(key);
    // Keys come from code, not data, in practice; the bound keeps odd payloads from growing it.
    if (quotedKeys.size < maxQuotedKeys) quotedKeys.set(key, quoted);
  }
  return quoted;
}
