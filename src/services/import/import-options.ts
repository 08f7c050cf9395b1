import type { ImportProgress } from './import-batch.js';

/** What every import takes, from the CLI's flags. */
export type ImportOptions = {
  /** Who runs it: recorded as the actor of every event. */
  actor: string;
  /** The clock's reading when the import starts: every event is recorded at this instant. */
  now: Date;
  /** Land the valid rows and write the rejected ones to a reject file, instead of landing nothing. */
  skipInvalid: boolean;
  /** The files' encoding, when detection should not decide (`--encoding`). */
  encoding?: string | undefined;
  /** Where rejected records go (a file for a CSV import, a folder for a Salesforce export). */
  rejectPath?: string | undefined;
  /** For an import that creates the organisation: its name, time zone and corporate currency. */
  orgName?: string | undefined;
  timeZone?: string | undefined;
  currency?: string | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
};
