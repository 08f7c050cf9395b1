/**
 * Why one value of one row cannot be imported. Problems are values, not exceptions: an import
 * gathers every one of them and reports them all, with the file and line the row came from.
 */
export type RowProblem = {
  /** The column the value came from; null when the problem is the row as a whole. */
  column: string | null;
  value: string;
  reason: string;
};

/** A problem placed in its file: what `--json` reports under `rejected`. */
export type RowRejection = RowProblem & { file: string; line: number };

/** The result of reading one value: the value, or why it cannot be read. */
export type ValueOutcome<T> = { ok: true; value: T } | { ok: false; reason: string };

export function valueOk<T>(value: T): ValueOutcome<T> {
  return { ok: true, value };
}

export function valueError<T>(reason: string): ValueOutcome<T> {
  return { ok: false, reason };
}
