import type { MappingContext } from '../../../core/import/mapping/mapped-row-reader.js';
import type { ImportBatch, ImportProgress } from '../import-batch.js';
import type { ImportOrganisation } from '../import-organisation.js';

/** What the steps of a CSV import share. */
export type CsvRun = {
  batch: ImportBatch;
  org: ImportOrganisation;
  context: MappingContext;
  /** The batch's index of the imported file. */
  fileIndex: number;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
};

/** Keeps the first of rows that give one id: an identical repeat is dropped, a different one rejected. */
export class FirstById {
  private readonly seen = new Map<string, { line: number; content: string }>();

  /** Null when the row is the first with this id (or repeats it exactly: `duplicate` is then true). */
  check(id: string, line: number, content: string): { duplicate: boolean; conflictLine: number | null } {
    const first = this.seen.get(id);
    if (!first) {
      this.seen.set(id, { line, content });
      return { duplicate: false, conflictLine: null };
    }
    return { duplicate: true, conflictLine: first.content === content ? null : first.line };
  }
}
