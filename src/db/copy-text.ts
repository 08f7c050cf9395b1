/**
 * Encodes one row in PostgreSQL's COPY text format: tab-separated, `\N` for NULL, backslash
 * escapes for the characters the format reserves. Values are already in their text form.
 */
export function encodeCopyRow(values: readonly (string | null)[]): string {
  return `${values.map((value) => (value === null ? '\\N' : escapeCopyText(value))).join('\t')}\n`;
}

function escapeCopyText(value: string): string {
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
