/**
 * The name of a download of a list that shows how things stand now (people, teams, a log): what it
 * holds and the instant it was read, `users-as-of-2026-05-01T12-00-00Z` (tableDownload replaces
 * the colons a time would otherwise bring, which some file systems refuse).
 */
export function asOfFileName(what: string, now: Date): string {
  return `${what}-as-of-${now.toISOString().replace(/\.\d{3}Z$/, 'Z')}`;
}
