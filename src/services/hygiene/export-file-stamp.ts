/**
 * The moment a hygiene export was read as of, for its file name: `2026-05-12T00:00:00Z` (whole
 * seconds shown without milliseconds; safeFileName then turns the colons into dashes).
 */
export function asOfStamp(asOf: string): string {
  return asOf.replace(/\.000Z$/, 'Z');
}

/** `-team-east`, `-owner-u1` or nothing: the cut of the scope a file holds, for its name. */
export function scopeCut(options: { teamId?: string | undefined; ownerId?: string | undefined }): string {
  return `${options.teamId === undefined ? '' : `-team-${options.teamId}`}${
    options.ownerId === undefined ? '' : `-owner-${options.ownerId}`
  }`;
}
