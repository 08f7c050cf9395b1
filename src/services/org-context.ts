import { DomainError } from '../core/domain-error.js';
import type { FiscalCalendar } from '../core/fiscal-calendar.js';
import type { Currency, OrgSettings } from '../core/org-entities.js';
import { findOrgSettings, listCurrencies } from '../store/org-queries.js';
import type { Connection } from '../store/session.js';

/** What most read paths need to know about the organisation. */
export type OrgContext = {
  settings: OrgSettings;
  calendar: FiscalCalendar;
  currencies: Map<string, Currency>;
  /** Minor-unit decimals of the corporate currency. */
  corporateDecimals: number;
};

/**
 * How a read path obtains the org context: `getOrgContext` reads it afresh; an app server passes
 * its short-lived cache instead (org-context-cache.ts).
 */
export type OrgContextReader = (conn: Pick<Connection, 'db'>) => Promise<OrgContext>;

export async function getOrgContext(conn: Pick<Connection, 'db'>): Promise<OrgContext> {
  const settings = await findOrgSettings(conn);
  if (!settings) {
    throw new DomainError(
      'not-found',
      'this database has no organisation yet: run `candor demo` for the demo organisation, or import a CRM export',
    );
  }
  const currencies = new Map((await listCurrencies(conn)).map((c) => [c.code, c]));
  return {
    settings,
    calendar: {
      fiscalYearStartMonth: settings.fiscalYearStartMonth,
      fiscalYearNamedBy: settings.fiscalYearNamedBy,
      weekStartDay: settings.weekStartDay,
      timeZone: settings.timeZone,
    },
    currencies,
    corporateDecimals: currencies.get(settings.corporateCurrency)?.decimals ?? 2,
  };
}
