import { DomainError } from '../../core/domain-error.js';
import { listCurrencies, listCurrencyRates } from '../../store/org-queries.js';
import { withConnection, type Connection, type DatabaseHandle } from '../../store/session.js';
import { getOrgContext } from '../org-context.js';
import { runChange, type ChangeContext } from './change-context.js';

export type AdminCurrency = {
  code: string;
  decimals: number;
  isCorporate: boolean;
  rates: { validFrom: string; rate: string }[];
};

/** Every currency with its rates to the corporate currency, oldest first. */
export async function listAdminCurrencies(
  handle: DatabaseHandle,
): Promise<{ corporateCurrency: string; currencies: AdminCurrency[] }> {
  return withConnection(handle, (conn) => readCurrencies(conn));
}

/** Adds a currency (`currency.defined`). Its amounts convert once it has a rate. */
export async function defineCurrency(
  handle: DatabaseHandle,
  options: ChangeContext & { code: string; decimals: number },
): Promise<AdminCurrency> {
  return runChange(handle, options, async (conn, record) => {
    await getOrgContext(conn); // an organisation must exist first
    if ((await listCurrencies(conn)).some((c) => c.code === options.code)) {
      throw new DomainError('conflict', `the currency ${options.code} exists already`, [
        { where: 'code', value: options.code, reason: 'each currency is defined once' },
      ]);
    }
    const { code, decimals } = options;
    await record([
      { entityType: 'currency', entityId: code, kind: 'currency.defined', payload: { code, decimals } },
    ]);
    return readCurrency(conn, code);
  });
}

/**
 * Sets the rate of a currency from a day on (`currency.rate_set`); a rate for the same day
 * replaces the earlier one. The corporate currency has no rate: it is the unit of the others.
 */
export async function setCurrencyRate(
  handle: DatabaseHandle,
  options: ChangeContext & { code: string; validFrom: string; rate: string },
): Promise<AdminCurrency> {
  return runChange(handle, options, async (conn, record) => {
    const currency = await readCurrency(conn, options.code);
    if (currency.isCorporate) {
      throw new DomainError('invalid-input', `${options.code} is the corporate currency: it has no rate`, [
        { where: 'code', value: options.code, reason: 'other currencies are converted into it' },
      ]);
    }
    const same = currency.rates.find((r) => r.validFrom === options.validFrom);
    if (same?.rate === options.rate) {
      throw new DomainError(
        'invalid-input',
        `nothing to change: ${options.code} is ${options.rate} from ${options.validFrom} already`,
      );
    }
    const { validFrom, rate } = options;
    await record([
      {
        entityType: 'currency',
        entityId: currency.code,
        kind: 'currency.rate_set',
        payload: { validFrom, rate },
      },
    ]);
    return readCurrency(conn, currency.code);
  });
}

async function readCurrencies(
  conn: Pick<Connection, 'db'>,
): Promise<{ corporateCurrency: string; currencies: AdminCurrency[] }> {
  const org = await getOrgContext(conn);
  const rates = await listCurrencyRates(conn);
  const corporateCurrency = org.settings.corporateCurrency;
  const currencies = [...org.currencies.values()].map((c) => ({
    code: c.code,
    decimals: c.decimals,
    isCorporate: c.code === corporateCurrency,
    rates: rates.filter((r) => r.code === c.code).map((r) => ({ validFrom: r.validFrom, rate: r.rate })),
  }));
  return { corporateCurrency, currencies };
}

async function readCurrency(conn: Pick<Connection, 'db'>, code: string): Promise<AdminCurrency> {
  const currency = (await readCurrencies(conn)).currencies.find((c) => c.code === code);
  if (!currency) {
    throw new DomainError('not-found', `there is no currency '${code}'`, [
      { where: 'code', value: code, reason: 'define the currency first' },
    ]);
  }
  return currency;
}
