import { isValidTimeZone } from '../../core/fiscal-calendar.js';
import { defaultCurrencyDecimals } from '../../core/import/currency-decimals.js';
import { DomainError } from '../../core/domain-error.js';
import { defaultOrgSettings, type Currency, type OrgSettings } from '../../core/org-entities.js';
import type { Stage } from '../../core/stage.js';
import { findOrgSettings, listCurrencies, listCurrencyRates, listStages } from '../../store/org-queries.js';
import type { Connection } from '../../store/session.js';
import { bootstrapOrganisation } from '../bootstrap-organisation.js';
import type { ImportBatch } from './import-batch.js';

/** What an import creating the organisation may set from its flags (and, for Salesforce, its files). */
export type OrganisationProposal = {
  name: string;
  timeZone?: string | undefined;
  currency?: string | undefined;
  fiscalYearStartMonth?: number | undefined;
  fiscalYearNamedBy?: 'start' | 'end' | undefined;
  weekStartDay?: number | undefined;
};

/** The organisation as an import sees it: the existing one, or the one the import will create. */
export type ImportOrganisation = {
  settings: OrgSettings;
  isNew: boolean;
  stages: Map<string, Stage>;
  currencies: Map<string, Currency>;
  /** The latest rate of each currency, as stored. */
  latestRates: Map<string, string>;
  /** Stages, currencies and rates the import brings; recorded by `establishOrganisation`. */
  newStages: Stage[];
  newCurrencies: Currency[];
  newRates: { code: string; validFrom: string; rate: string }[];
};

/**
 * Reads the organisation an import goes into. In an empty database the import creates it, from the
 * proposal: a name (the export's folder or `--org-name`), a time zone (`--time-zone`, else UTC: it
 * decides how zone-less timestamps are read), the corporate currency and the fiscal year. Into an
 * existing organisation, those flags change nothing.
 */
export async function loadImportOrganisation(
  conn: Connection,
  proposal: OrganisationProposal,
): Promise<ImportOrganisation> {
  const existing = await findOrgSettings(conn);
  if (proposal.timeZone && !isValidTimeZone(proposal.timeZone)) {
    throw new DomainError('invalid-input', `unknown time zone '${proposal.timeZone}'`, [
      {
        where: '--time-zone',
        value: proposal.timeZone,
        reason: 'expected an IANA zone such as Europe/Paris',
      },
    ]);
  }
  const currency = proposal.currency?.toUpperCase();
  if (currency && !/^[A-Z]{3}$/.test(currency)) {
    throw new DomainError('invalid-input', `'${proposal.currency}' is not a currency code`, [
      {
        where: '--currency',
        value: proposal.currency ?? '',
        reason: 'expected an ISO 4217 code such as USD',
      },
    ]);
  }
  const settings: OrgSettings = existing ?? {
    ...defaultOrgSettings,
    name: proposal.name,
    timeZone: proposal.timeZone ?? defaultOrgSettings.timeZone,
    corporateCurrency: currency ?? defaultOrgSettings.corporateCurrency,
    fiscalYearStartMonth: proposal.fiscalYearStartMonth ?? defaultOrgSettings.fiscalYearStartMonth,
    fiscalYearNamedBy: proposal.fiscalYearNamedBy ?? defaultOrgSettings.fiscalYearNamedBy,
    weekStartDay: proposal.weekStartDay ?? defaultOrgSettings.weekStartDay,
  };
  const latestRates = new Map<string, string>();
  for (const rate of await listCurrencyRates(conn)) latestRates.set(rate.code, rate.rate);
  return {
    settings,
    isNew: existing === null,
    stages: new Map((await listStages(conn)).map((s) => [s.name, s])),
    currencies: new Map((await listCurrencies(conn)).map((c) => [c.code, c])),
    latestRates,
    newStages: [],
    newCurrencies: [],
    newRates: [],
  };
}

/** Minor-unit digits of a currency: as the organisation (or this import) defines it, else ISO's. */
export function currencyDecimals(org: ImportOrganisation, code: string): number {
  return (
    org.currencies.get(code)?.decimals ??
    org.newCurrencies.find((c) => c.code === code)?.decimals ??
    defaultCurrencyDecimals(code)
  );
}

/** Notes a currency the rows use, to be defined (with its ISO minor unit) if the organisation lacks it. */
export function useCurrency(org: ImportOrganisation, code: string): void {
  if (org.currencies.has(code) || org.newCurrencies.some((c) => c.code === code)) return;
  org.newCurrencies.push({ code, decimals: defaultCurrencyDecimals(code) });
}

/**
 * Records the organisation (when new) and the stages, currencies and rates the import brings, as
 * events of the batch; afterwards they are known like any other.
 */
export async function establishOrganisation(
  conn: Connection,
  org: ImportOrganisation,
  batch: ImportBatch,
): Promise<void> {
  useCurrency(org, org.settings.corporateCurrency);
  const created = await bootstrapOrganisation(
    conn,
    { settings: org.settings, currencies: org.newCurrencies, rates: org.newRates, stages: org.newStages },
    {
      actor: batch.actor,
      source: 'import',
      batchId: batch.id,
      businessTime: batch.recordedTime,
      recordedTime: batch.recordedTime,
    },
  );
  batch.organisationCreated ||= created;
  for (const stage of org.newStages) org.stages.set(stage.name, stage);
  for (const currency of org.newCurrencies) org.currencies.set(currency.code, currency);
  for (const rate of org.newRates) org.latestRates.set(rate.code, rate.rate);
  org.isNew = false;
  org.newStages = [];
  org.newCurrencies = [];
  org.newRates = [];
}
