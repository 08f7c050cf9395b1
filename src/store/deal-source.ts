import { sql, type RawBuilder } from 'kysely';
import type { AccessScope } from '../core/access-scope.js';

/**
 * Where deals are read from: the current-state table, or the versions valid at an instant
 * ("the pipeline as it stood at T" is the versions with valid_from ≤ T < valid_to).
 */
export function dealSourceSql(asOf: Date | null): RawBuilder<unknown> {
  if (asOf === null) return sql`opportunities`;
  return sql`(select * from opportunity_versions where valid_from <= ${asOf} and valid_to > ${asOf})`;
}

/** The condition an access scope puts on a deal source aliased `alias`. */
export function scopeSql(alias: string, scope: AccessScope): RawBuilder<unknown> {
  if (scope.kind === 'everything') return sql`true`;
  if (scope.ownerIds.length === 0) return sql`false`;
  return sql`${sql.raw(alias)}.owner_id = any(${[...scope.ownerIds]})`;
}
