/**
 * Encodes one row in PostgreSQL's COPY text format: tab-separated, `\N` for NULL, backslash
 * escapes for the characters the format reserves. Values are already in their text form.
 */
export function encodeCopyRow(values: readonly (string | null)[]): string {
  return `${values.map((value) => (value === null ? '\\N' : escapeCopyText(value))).join('\t')}\n`;
}

const copySpecial = /[\\\t\n\r]/;

function escapeCopyText(value: string): string {
  // Most values need no escape: testing first is several times cheaper than a replace that finds nothing.
  if (!copySpecial.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (char) => {
    switch (char) {
      case '\\':
        return '\\\\';
      case '\t':
        return '\\t';
      case '\n':
        return '\\n';
      default:
        return '\\r';
    }
  });
}
