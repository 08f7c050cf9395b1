import { basename, dirname, extname, join, resolve } from 'node:path';
import { NameIndex } from '../../core/import/mapping/name-index.js';
import {
  mappedEntities,
  type FieldSpec,
  type MappedEntity,
  type MappingFile,
} from '../../core/import/mapping/mapping-file.js';
import { lookupFileKey, type MappingLookups } from '../../core/import/mapping/read-mapped-value.js';
import { cell, hasColumn } from '../../core/import/csv-row.js';
import { DomainError } from '../../core/domain-error.js';
import type { Stage } from '../../core/stage.js';
import { listEntityNames } from '../../store/import-records.js';
import type { Connection, DatabaseHandle } from '../../store/session.js';
import { importMappedHistory } from './csv/import-mapped-history.js';
import { importMappedInsights } from './csv/import-mapped-insights.js';
import { importMappedMeetings } from './csv/import-mapped-meetings.js';
import { importMappedOpportunities } from './csv/import-mapped-opportunities.js';
import {
  importMappedAccounts,
  importMappedActivities,
  importMappedTeams,
  importMappedUsers,
} from './csv/import-mapped-records.js';
import type { CsvRun } from './csv/csv-run.js';
import { importMappedQuotas } from '../quotas/import-mapped-quotas.js';
import { ImportBatch, type ImportSummary } from './import-batch.js';
import { importDealInsights } from './import-deal-insights.js';
import { digestImportFile, openCsvTable } from './import-file.js';
import type { ImportOptions } from './import-options.js';
import { currencyDecimals, establishOrganisation, loadImportOrganisation } from './import-organisation.js';
import { readMappingFile } from './read-mapping-file.js';
import { runImportBatch } from './run-import-batch.js';

export const csvEntities = mappedEntities;
export type CsvEntity = MappedEntity;

export type ImportCsvOptions = ImportOptions & { entity: CsvEntity; path: string; mappingPath: string };

const importers: Record<CsvEntity, (conn: Connection, run: CsvRun) => Promise<void>> = {
  opportunities: importMappedOpportunities,
  history: importMappedHistory,
  users: importMappedUsers,
  teams: importMappedTeams,
  accounts: importMappedAccounts,
  activities: importMappedActivities,
  quotas: importMappedQuotas,
  meetings: importMappedMeetings,
  insights: importMappedInsights,
};

/**
 * `candor import csv <entity> <file> --mapping <mapping.json>`: any CSV, through a mapping file
 * from its columns to Candor's fields (docs/imports.md), as one batch. An import into an empty
 * database creates the organisation, named after the file's folder unless `--org-name` says.
 */
export async function importCsv(handle: DatabaseHandle, options: ImportCsvOptions): Promise<ImportSummary> {
  const mapping = await readMappingFile(options.mappingPath, options.entity);
  const batch = new ImportBatch(options.actor, options.now);
  const fileIndex = batch.addFile(
    await digestImportFile(options.path, basename(options.path), options.encoding ?? mapping.encoding).then(
      (file) => ({ ...file, delimiter: mapping.delimiter, columns: mapping.columns }),
      (error: unknown) => {
        throw new DomainError('invalid-input', `cannot read ${options.path}`, [
          { where: options.path, reason: error instanceof Error ? error.message : String(error) },
        ]);
      },
    ),
  );
  const lookupFiles = await readLookupFiles(batch, mapping, dirname(options.path), options.encoding);
  const rejectPath =
    options.rejectPath ??
    join(dirname(options.path), `${basename(options.path, extname(options.path))}.rejected.csv`);
  return runImportBatch(
    handle,
    batch,
    { kind: `csv:${options.entity}`, skipInvalid: options.skipInvalid, rejectTarget: () => rejectPath },
    async (conn) => {
      const org = await loadImportOrganisation(conn, {
        name: options.orgName ?? basename(dirname(resolve(options.path))),
        timeZone: options.timeZone,
        currency: options.currency,
      });
      org.newStages = mapping.stages
        .filter((s) => !org.stages.has(s.name))
        .map((s): Stage => ({
          name: s.name,
          order: s.order,
          probability01: s.probability,
          forecastCategory: s.forecastCategory,
          isClosed: s.isClosed,
          isWon: s.isWon,
          requiredFields: [],
          active: true,
        }));
      const stages = new Map([...org.stages, ...org.newStages.map((s): [string, Stage] => [s.name, s])]);
      if (options.entity !== 'opportunities') await establishOrganisation(conn, org, batch);
      const run: CsvRun = {
        batch,
        org,
        fileIndex,
        onProgress: options.onProgress,
        context: {
          mapping,
          timeZone: org.settings.timeZone,
          lookups: await loadLookups(conn, mapping, lookupFiles),
          stages,
          corporateCurrency: org.settings.corporateCurrency,
          currencyDecimals: (code) => currencyDecimals(org, code),
        },
      };
      await importers[options.entity](conn, run);
      if (options.entity === 'opportunities' || options.entity === 'history')
        await importDealInsights(conn, batch, { timeZone: org.settings.timeZone });
    },
  );
}

function specs(mapping: MappingFile): FieldSpec[] {
  return [...Object.values(mapping.fields), ...(mapping.path ?? [])];
}

/** Name indexes for the lookups the mapping uses (the others stay empty). */
async function loadLookups(
  conn: Connection,
  mapping: MappingFile,
  files: Map<string, Map<string, string>>,
): Promise<MappingLookups> {
  const used = new Set(specs(mapping).map((s) => s.lookup));
  const index = async (entity: 'user' | 'account' | 'team' | 'opportunity') =>
    new NameIndex(entity, used.has(entity) || entity === 'team' ? await listEntityNames(conn, entity) : []);
  return {
    user: await index('user'),
    account: await index('account'),
    team: await index('team'),
    opportunity: await index('opportunity'),
    files,
  };
}

/**
 * The second CSV files the mapping's `lookupFile` specs name (next to the imported file), read
 * into key → value maps; they are small reference files (a price list, a region table).
 */
async function readLookupFiles(
  batch: ImportBatch,
  mapping: MappingFile,
  folder: string,
  encoding: string | undefined,
): Promise<Map<string, Map<string, string>>> {
  const maps = new Map<string, Map<string, string>>();
  for (const spec of specs(mapping)) {
    const lookup = spec.lookupFile;
    if (!lookup || maps.has(lookupFileKey(lookup))) continue;
    const path = resolve(folder, lookup.file);
    const file = await digestImportFile(path, lookup.file, encoding).catch(() => {
      throw new DomainError('invalid-input', `cannot read the lookup file ${path}`, [
        { where: lookup.file, reason: 'lookupFile paths are relative to the imported file' },
      ]);
    });
    const fileIndex = batch.addFile(file);
    const table = await openCsvTable(file);
    for (const column of [lookup.key, lookup.value]) {
      if (!table.header || !hasColumn(table.header, column)) {
        throw new DomainError('invalid-input', `${lookup.file} has no column '${column}'`, [
          { where: lookup.file, line: 1, reason: 'named by a lookupFile in the mapping' },
        ]);
      }
    }
    const values = new Map<string, string>();
    for await (const row of table.rows) {
      batch.countRow(fileIndex);
      const key = cell(row, lookup.key)?.trim() ?? '';
      if (key !== '' && !values.has(key)) values.set(key, cell(row, lookup.value)?.trim() ?? '');
    }
    maps.set(lookupFileKey(lookup), values);
  }
  return maps;
}
