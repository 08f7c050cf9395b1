/**
 * The characters that make a spreadsheet read a cell as a formula (or, for tab and carriage
 * return, that some spreadsheets strip before reading one): OWASP's CSV injection guidance lists
 * = + - @ tab and carriage return; ASVS 1.2.10 adds NUL and asks the same of XLSX and ODF files.
 */
const formulaTriggers = new Set(['=', '+', '-', '@', '\t', '\r', '\0']);

/**
 * Makes a text cell of a CSV or XLSX download inert: a value starting with a formula trigger gets a
 * single quote in front, so `=HYPERLINK(…)` typed into a deal name shows as text instead of running
 * when someone opens the export. Only free text goes through here: amounts, counts, days and
 * instants are validated as such by their columns and stay numbers (see format-table-cell.ts).
 */
export function neutraliseSpreadsheetCell(text: string): string {
  return formulaTriggers.has(text.charAt(0)) ? `'${text}` : text;
}
