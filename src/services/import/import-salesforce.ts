import { basename, dirname, join } from 'node:path';
import { createStageTally, deriveStages } from '../../core/import/stage-catalog.js';
import { DomainError } from '../../core/domain-error.js';
import type { DatabaseHandle } from '../../store/session.js';
import { ImportBatch, type ImportSummary } from './import-batch.js';
import { importDealInsights } from './import-deal-insights.js';
import { digestImportFile } from './import-file.js';
import type { ImportOptions } from './import-options.js';
import { establishOrganisation, loadImportOrganisation } from './import-organisation.js';
import { openSalesforceExport, type SalesforceObject } from './open-salesforce-export.js';
import { runImportBatch } from './run-import-batch.js';
import { importSalesforceActivities } from './salesforce/import-salesforce-activities.js';
import { importSalesforcePeople, UserDirectory } from './salesforce/import-salesforce-people.js';
import { importSalesforceQuotas } from './salesforce/import-salesforce-quotas.js';
import { readSalesforceOpportunities } from './salesforce/read-salesforce-opportunities.js';
import {
  applySalesforceCurrencies,
  proposeFromSettings,
  readSalesforceSettings,
} from './salesforce/read-salesforce-settings.js';
import { replaySalesforceOpportunities } from './salesforce/replay-salesforce-opportunities.js';
import type { SalesforceRun } from './salesforce/salesforce-run.js';
import { stageSalesforceHistory } from './salesforce/stage-salesforce-history.js';

export type ImportSalesforceOptions = ImportOptions & { path: string };

/**
 * `candor import salesforce <folder-or-zip>`: a Salesforce Data Export, one CSV per object, as one
 * batch. In an empty database it creates the organisation from the files: settings, currencies and
 * rates (CurrencyType), fiscal year (FiscalYearSettings / Period), stages as the data uses them;
 * then teams (UserRole), users (User, or placeholders for bare owner ids), accounts, opportunities
 * with their history replayed at its own timestamps, activities (Task, Event) and quotas
 * (ForecastingQuota).
 */
export async function importSalesforce(
  handle: DatabaseHandle,
  options: ImportSalesforceOptions,
): Promise<ImportSummary> {
  const exported = await openSalesforceExport(options.path);
  try {
    const batch = new ImportBatch(options.actor, options.now);
    const fileOf = new Map<SalesforceObject, number>();
    for (const [object, file] of exported.files) {
      fileOf.set(object, batch.addFile(await digestImportFile(file.path, file.name, options.encoding)));
    }
    for (const name of exported.ignored) {
      batch.skippedFiles.push({ name, reason: 'not a Salesforce object Candor imports' });
    }
    if (fileOf.size === 0) {
      throw new DomainError(
        'invalid-input',
        `${options.path} holds no Salesforce export file Candor imports`,
        [
          {
            where: options.path,
            reason: 'expected files such as Opportunity.csv and OpportunityHistory.csv',
          },
        ],
      );
    }
    const rejectFolder =
      options.rejectPath ??
      join(dirname(options.path), `${basename(options.path).replace(/\.zip$/i, '')}.rejected`);
    const total = batch.files.reduce((sum, f) => sum + f.size, 0);
    return await runImportBatch(
      handle,
      batch,
      {
        kind: 'salesforce',
        skipInvalid: options.skipInvalid,
        rejectTarget: (fileIndex) => join(rejectFolder, basename(batch.fileName(fileIndex))),
      },
      async (conn) => {
        const settings = await readSalesforceSettings(batch, fileOf);
        const proposed = proposeFromSettings(settings);
        const org = await loadImportOrganisation(conn, {
          ...proposed,
          name: options.orgName ?? exported.name,
          timeZone: options.timeZone,
          currency: options.currency ?? proposed.currency,
        });
        applySalesforceCurrencies(org, batch, settings);
        const run: SalesforceRun = {
          batch,
          org,
          fileOf,
          progress: { done: 0, total },
          onProgress: options.onProgress,
        };
        const tally = createStageTally();
        const opportunities = await readSalesforceOpportunities(run, tally);
        const staged = await stageSalesforceHistory(conn, run, opportunities, tally);
        org.newStages = deriveStages([...org.stages.values()], tally);
        await establishOrganisation(conn, org, batch);
        const users = new UserDirectory(batch);
        const owners = [...opportunities.byId.values()].map((o) => o.values.ownerId);
        await importSalesforcePeople(conn, run, users, owners);
        await replaySalesforceOpportunities(conn, run, opportunities, staged);
        await importDealInsights(conn, batch, { timeZone: org.settings.timeZone });
        await importSalesforceActivities(conn, run, users);
        await importSalesforceQuotas(conn, run, users);
      },
    );
  } finally {
    await exported.cleanup();
  }
}
