import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { CsvHeader } from '../../core/import/csv-row.js';
import type { RowProblem, RowRejection } from '../../core/import/row-problem.js';
import type { NewEvent } from '../../core/ledger-event.js';
import { appendEvents } from '../../store/append-events.js';
import type { Connection } from '../../store/session.js';
import type { ImportFile } from './import-file.js';
import type { ByteRange } from './write-reject-file.js';

/** How far a long import has got, for a progress bar. */
export type ImportProgress = { phase: string; done: number; total: number; unit: 'bytes' | 'rows' };

/** What `--json` prints after an import. */
export type ImportSummary = {
  batchId: string;
  /** False when rejected rows stopped the batch (without --skip-invalid): nothing landed. */
  committed: boolean;
  organisationCreated: boolean;
  /** Events recorded, by kind. */
  imported: Record<string, number>;
  /** Every bad value (the first 10,000 of them), with file, line, column, value and reason. */
  rejected: RowRejection[];
  /** Rows rejected (a row with several bad values counts once). */
  rejectedRows: number;
  /** Ledger events the batch added, the import.committed event included. */
  events: number;
  files: { name: string; sha256: string; encoding: string; rows: number }[];
  skippedFiles: { name: string; reason: string }[];
  rejectFiles: string[];
  notes: string[];
};

const maxReported = 10_000;

/**
 * One import batch: its id (on every event it records, with source `import`), what it read, what
 * it rejected (with the byte ranges of the rejected records, for the reject file), and the ledger
 * appends it makes inside the import's transaction.
 */
export class ImportBatch {
  readonly id = randomUUID();
  readonly files: ImportFile[] = [];
  readonly headers: (CsvHeader | null)[] = [];
  readonly rowCounts: number[] = [];
  readonly rejected: RowRejection[] = [];
  readonly rejectedRanges = new Map<number, Map<number, ByteRange>>();
  readonly skippedFiles: { name: string; reason: string }[] = [];
  readonly notes: string[] = [];
  organisationCreated = false;

  constructor(
    readonly actor: string,
    readonly recordedTime: Date,
  ) {}

  addFile(file: ImportFile): number {
    this.files.push(file);
    this.headers.push(null);
    this.rowCounts.push(0);
    return this.files.length - 1;
  }

  fileName(fileIndex: number): string {
    return this.files[fileIndex]?.name ?? '';
  }

  countRow(fileIndex: number): void {
    this.rowCounts[fileIndex] = (this.rowCounts[fileIndex] ?? 0) + 1;
  }

  /** Records why a row cannot be imported; its bytes go to the reject file with --skip-invalid. */
  reject(fileIndex: number, record: { line: number } & ByteRange, problems: readonly RowProblem[]): void {
    let ranges = this.rejectedRanges.get(fileIndex);
    if (!ranges) this.rejectedRanges.set(fileIndex, (ranges = new Map()));
    ranges.set(record.byteStart, { byteStart: record.byteStart, byteEnd: record.byteEnd });
    for (const problem of problems) {
      if (this.rejected.length >= maxReported) break;
      this.rejected.push({ file: this.fileName(fileIndex), line: record.line, ...problem });
    }
  }

  get rejectedRows(): number {
    let count = 0;
    for (const ranges of this.rejectedRanges.values()) count += ranges.size;
    return count;
  }

  isRejected(fileIndex: number, byteStart: number): boolean {
    return this.rejectedRanges.get(fileIndex)?.has(byteStart) ?? false;
  }

  event(event: Omit<NewEvent, 'actor' | 'source' | 'batchId'>): NewEvent {
    return { ...event, actor: this.actor, source: 'import', batchId: this.id };
  }

  async append(conn: Connection, events: readonly NewEvent[]): Promise<void> {
    if (events.length > 0) await appendEvents(conn, events, { recordedTime: this.recordedTime });
  }

  /** Events this batch has recorded so far, by kind (read from the ledger, inside the transaction). */
  async countEvents(conn: Connection): Promise<Record<string, number>> {
    const rows = await sql<{ kind: string; count: string }>`
      select kind, count(*) as count from events where batch_id = ${this.id} group by kind order by kind`.execute(
      conn.db,
    );
    return Object.fromEntries(rows.rows.map((r) => [r.kind, Number(r.count)]));
  }

  /** Closes the batch with an `import.committed` event, when it recorded anything at all. */
  async commit(conn: Connection, kind: string): Promise<void> {
    const counts = await this.countEvents(conn);
    const events = Object.values(counts).reduce((sum, n) => sum + n, 0);
    if (events === 0) return;
    await this.append(conn, [
      this.event({
        businessTime: this.recordedTime,
        entityType: 'import',
        entityId: this.id,
        kind: 'import.committed',
        payload: {
          kind,
          files: this.files.map((f, i) => ({ name: f.name, sha256: f.sha256, rows: this.rowCounts[i] ?? 0 })),
          events,
          rejected: this.rejectedRows,
        },
        originKey: `import:${this.id}`,
      }),
    ]);
  }

  async summarise(conn: Connection, committed: boolean): Promise<ImportSummary> {
    const imported = await this.countEvents(conn);
    return {
      batchId: this.id,
      committed,
      organisationCreated: this.organisationCreated && committed,
      imported: committed ? imported : {},
      rejected: this.rejected,
      rejectedRows: this.rejectedRows,
      events: committed ? Object.values(imported).reduce((sum, n) => sum + n, 0) : 0,
      files: this.files.map((f, i) => ({
        name: f.name,
        sha256: f.sha256,
        encoding: f.encoding,
        rows: this.rowCounts[i] ?? 0,
      })),
      skippedFiles: this.skippedFiles,
      rejectFiles: [],
      notes: this.notes,
    };
  }
}
