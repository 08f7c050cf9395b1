/**
 * A Salesforce record id, or null: exports write an empty reference as blank or as the all-zero
 * id `000000000000000AAA`.
 */
export function salesforceId(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '' || /^0{15}(?:AAA)?$/.test(trimmed)) return null;
  return trimmed;
}

/** Key prefixes of the objects an import links to (the first three characters of an id). */
export const salesforcePrefixes = { user: '005', account: '001', opportunity: '006' } as const;

export function isSalesforceIdOf(value: string, kind: keyof typeof salesforcePrefixes): boolean {
  return /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(value) && value.startsWith(salesforcePrefixes[kind]);
}
