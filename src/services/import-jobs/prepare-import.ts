import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError } from '../../core/domain-error.js';
import type { FieldSpec } from '../../core/import/mapping/mapping-file.js';
import type { DatabaseHandle } from '../../store/session.js';
import type { ImportProgress, ImportSummary } from '../import/import-batch.js';
import { csvEntities, importCsv, type CsvEntity } from '../import/import-csv.js';
import { importSalesforce } from '../import/import-salesforce.js';
import { readMappingFile } from '../import/read-mapping-file.js';
import type { SavedUpload, UploadFolder } from './upload-folder.js';

/** An upload, its files saved to its folder, as the route received it. */
export type ImportUpload = {
  folder: UploadFolder;
  kind: 'salesforce' | 'csv';
  /** csv: what the file holds; else the mapping's `entity`. */
  entity: CsvEntity | undefined;
  file: SavedUpload;
  /** csv: the mapping file. */
  mapping: SavedUpload | null;
  /** csv: the second files a mapping's `lookupFile` specs name. */
  lookupFiles: SavedUpload[];
  skipInvalid: boolean;
  encoding: string | undefined;
};

/** An import checked and ready to run: its kind as the job row records it, and how to run it. */
export type PreparedImport = {
  kind: string;
  run: (onProgress: (progress: ImportProgress) => void) => Promise<ImportSummary>;
};

/**
 * Checks what can be checked before answering 202 — a zip that is a zip, a mapping that fits its
 * entity, lookup files that were sent — so that a bad request is a 400 at once rather than a job
 * that fails. The imports themselves are the CLI's, run on the uploaded files; rejected records
 * go to a folder inside the upload's folder, where the runner collects them.
 */
export async function prepareImport(
  handle: DatabaseHandle,
  upload: ImportUpload,
  options: { actor: string; now: Date },
): Promise<PreparedImport> {
  const common = {
    actor: options.actor,
    now: options.now,
    skipInvalid: upload.skipInvalid,
    encoding: upload.encoding,
  };
  const rejectFolder = join(upload.folder.path, 'rejected');
  if (upload.kind === 'salesforce') {
    await requireZip(upload.file);
    return {
      kind: 'salesforce',
      run: (onProgress) =>
        importSalesforce(handle, { ...common, path: upload.file.path, rejectPath: rejectFolder, onProgress }),
    };
  }
  const mappingFile = upload.mapping;
  if (!mappingFile) {
    throw new DomainError('invalid-input', 'a CSV import needs its mapping', [
      { where: 'mapping', reason: 'send the mapping JSON as a `mapping` file or field (docs/imports.md)' },
    ]);
  }
  const entity = upload.entity ?? (await mappingEntity(mappingFile));
  const mapping = await readMappingFile(mappingFile.path, entity).catch((error: unknown) => {
    throw hideFolder(error, upload.folder);
  });
  const specs: FieldSpec[] = [...Object.values(mapping.fields), ...(mapping.path ?? [])];
  const sent = new Set(upload.lookupFiles.map((f) => f.name));
  for (const spec of specs) {
    const wanted = spec.lookupFile?.file;
    if (wanted !== undefined && !sent.has(wanted)) {
      throw new DomainError('invalid-input', `the mapping looks values up in ${wanted}, which was not sent`, [
        { where: 'lookupFiles', value: wanted, reason: 'send it as a `lookupFiles` file of that name' },
      ]);
    }
  }
  const stem = upload.file.name.replace(/\.[^.]*$/, '');
  return {
    kind: `csv:${entity}`,
    run: (onProgress) =>
      importCsv(handle, {
        ...common,
        entity,
        path: upload.file.path,
        mappingPath: mappingFile.path,
        rejectPath: join(rejectFolder, `${stem}.rejected.csv`),
        onProgress,
      }),
  };
}

/** Replaces the upload folder's path in a domain error's texts (they name the files they read). */
export function hideFolder(error: unknown, folder: UploadFolder): unknown {
  if (!(error instanceof DomainError)) return error;
  return new DomainError(
    error.code,
    folder.hidePath(error.message),
    error.details.map((detail) => ({
      ...detail,
      ...(detail.where === undefined ? {} : { where: folder.hidePath(detail.where) }),
      reason: folder.hidePath(detail.reason),
    })),
  );
}

async function requireZip(file: SavedUpload): Promise<void> {
  const handle = await open(file.path, 'r');
  const head = Buffer.alloc(4);
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  // A zip starts with a local file header, or, when empty, with the end-of-directory record.
  const signature = head.readUInt32LE(0);
  if (signature !== 0x04034b50 && signature !== 0x06054b50) {
    throw new DomainError('invalid-input', `${file.originalName} is not a zip file`, [
      { where: 'file', value: file.originalName, reason: 'a Salesforce import takes the Data Export zip' },
    ]);
  }
}

/** The mapping's own `entity`, when the form did not say what the CSV holds. */
async function mappingEntity(mapping: SavedUpload): Promise<CsvEntity> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(mapping.path, 'utf8'));
  } catch (error) {
    throw new DomainError('invalid-input', 'the mapping is not JSON', [
      { where: 'mapping', reason: error instanceof Error ? error.message : String(error) },
    ]);
  }
  const entity =
    json !== null && typeof json === 'object' ? (json as { entity?: unknown }).entity : undefined;
  if (typeof entity === 'string' && (csvEntities as readonly string[]).includes(entity)) {
    return entity as CsvEntity;
  }
  throw new DomainError('invalid-input', 'say what the CSV holds', [
    {
      where: 'entity',
      reason: `give the entity field, or "entity" in the mapping: one of ${csvEntities.join(', ')}`,
    },
  ]);
}
