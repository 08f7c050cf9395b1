import type { ImportBatch, ImportProgress } from '../import-batch.js';
import type { ImportOrganisation } from '../import-organisation.js';
import type { SalesforceObject } from '../open-salesforce-export.js';

/** What every step of a Salesforce import shares. */
export type SalesforceRun = {
  batch: ImportBatch;
  org: ImportOrganisation;
  /** The batch's file index of each object the export has. */
  fileOf: Map<SalesforceObject, number>;
  progress: { done: number; total: number };
  onProgress?: ((progress: ImportProgress) => void) | undefined;
};
