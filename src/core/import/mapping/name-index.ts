import { valueError, valueOk, type ValueOutcome } from '../row-problem.js';

/**
 * Ids of records by their names, for mapping files that name an owner or an account instead of
 * giving its id. An exact name wins; otherwise a match ignoring case and surrounding spaces; a name
 * two records share is ambiguous and refused rather than guessed.
 */
export class NameIndex {
  private readonly exact = new Map<string, string[]>();
  private readonly loose = new Map<string, string[]>();

  constructor(
    readonly what: string,
    entries: Iterable<{ id: string; name: string }> = [],
  ) {
    for (const entry of entries) this.add(entry.id, entry.name);
  }

  add(id: string, name: string): void {
    for (const [map, key] of [
      [this.exact, name],
      [this.loose, name.trim().toLowerCase()],
    ] as const) {
      const ids = map.get(key) ?? [];
      if (!ids.includes(id)) ids.push(id);
      map.set(key, ids);
    }
  }

  resolve(name: string): ValueOutcome<string> {
    const ids = this.exact.get(name) ?? this.loose.get(name.trim().toLowerCase()) ?? [];
    if (ids.length === 1 && ids[0] !== undefined) return valueOk(ids[0]);
    if (ids.length > 1)
      return valueError(`${ids.length} ${this.what}s are named '${name}' (${ids.slice(0, 3).join(', ')}…)`);
    return valueError(`no ${this.what} is named '${name}'; import the ${this.what}s first`);
  }
}
