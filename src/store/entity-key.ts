import type { EntityType } from '../core/ledger-event.js';

export type EntityKey = { entityType: EntityType; entityId: string };

/** Groups entity keys by type, without duplicates. */
export function groupEntityKeys(keys: Iterable<EntityKey>): Map<EntityType, string[]> {
  const groups = new Map<EntityType, Set<string>>();
  for (const key of keys) {
    let ids = groups.get(key.entityType);
    if (!ids) groups.set(key.entityType, (ids = new Set()));
    ids.add(key.entityId);
  }
  return new Map([...groups].map(([type, ids]) => [type, [...ids]]));
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
