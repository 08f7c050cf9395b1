import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { DomainError } from '../../core/domain-error.js';

/** The Salesforce objects an import reads, by their export file's name (without `.csv`). */
export const salesforceObjects = [
  'CurrencyType',
  'DatedConversionRate',
  'FiscalYearSettings',
  'Period',
  'UserRole',
  'User',
  'Account',
  'Opportunity',
  'OpportunityHistory',
  'OpportunityFieldHistory',
  'Task',
  'Event',
  'EventRelation',
  'ForecastingQuota',
] as const;
export type SalesforceObject = (typeof salesforceObjects)[number];

export type SalesforceExport = {
  /** The export's name: its folder, or its zip without the extension. */
  name: string;
  files: Map<SalesforceObject, { name: string; path: string }>;
  /** CSV files of objects Candor does not import, and anything else found. */
  ignored: string[];
  /** Removes what opening the export unpacked. */
  cleanup: () => Promise<void>;
};

/**
 * Opens a Salesforce Data Export: a folder of CSV files, one per object, or the zip Salesforce
 * hands out. A zip is unpacked into a temporary folder (file names only, never paths, so an entry
 * cannot escape it), because each file is read more than once: to digest it, then to import it.
 */
export async function openSalesforceExport(path: string): Promise<SalesforceExport> {
  const info = await stat(path).catch(() => null);
  if (!info) {
    throw new DomainError('invalid-input', `${path} does not exist`, [
      { where: path, reason: 'expected a Salesforce export folder or zip' },
    ]);
  }
  if (info.isDirectory()) {
    const entries = await readdir(path);
    return {
      name: basename(path),
      ...classify(entries.map((e) => ({ name: e, path: join(path, e) }))),
      cleanup: async () => {},
    };
  }
  const folder = await mkdtemp(join(tmpdir(), 'candor-sf-export-'));
  try {
    const unpacked = await unzipCsvFiles(path, folder);
    const found = classify(unpacked.kept);
    return {
      name: basename(path).replace(/\.zip$/i, ''),
      files: found.files,
      ignored: [...found.ignored, ...unpacked.skipped],
      cleanup: () => rm(folder, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    if (error instanceof DomainError) throw error;
    throw new DomainError('invalid-input', `${path} is neither a folder nor a readable zip`, [
      { where: path, reason: error instanceof Error ? error.message : String(error) },
    ]);
  }
}

function classify(entries: { name: string; path: string }[]): Pick<SalesforceExport, 'files' | 'ignored'> {
  const files = new Map<SalesforceObject, { name: string; path: string }>();
  const ignored: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const stem = basename(entry.name).replace(/\.csv$/i, '');
    const object = salesforceObjects.find((o) => o.toLowerCase() === stem.toLowerCase());
    if (object && /\.csv$/i.test(entry.name) && !files.has(object)) files.set(object, entry);
    else ignored.push(entry.name);
  }
  return { files, ignored };
}

async function unzipCsvFiles(
  zipPath: string,
  folder: string,
): Promise<{ kept: { name: string; path: string }[]; skipped: string[] }> {
  const zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false });
  const files: { name: string; path: string }[] = [];
  const skipped: string[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      const name = basename(entry.fileName);
      const stem = name.replace(/\.csv$/i, '').toLowerCase();
      const wanted = /\.csv$/i.test(name) && salesforceObjects.some((o) => o.toLowerCase() === stem);
      if (!wanted || files.some((f) => f.name.toLowerCase() === name.toLowerCase())) {
        skipped.push(entry.fileName);
        continue;
      }
      const target = join(folder, name);
      await pipeline(await zip.openReadStreamPromise(entry), createWriteStream(target));
      files.push({ name, path: target });
    }
  } finally {
    zip.close();
  }
  return { kept: files, skipped };
}
