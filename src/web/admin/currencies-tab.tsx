import { useState, type FormEvent } from 'react';
import type { AdminCurrency } from '../../api/admin-config.js';
import { formatDay, todayText } from '../format/format-time.js';
import { describeError } from '../http/api-error.js';
import { ExportLinks } from '../ui/export-links.js';
import { Notice, Spinner } from '../ui/notice.js';
import { adminPath, useAdminChange, useAdminQuery } from './admin-api.js';
import { SaveStatus } from './save-status.js';

type CurrencyList = { corporateCurrency: string; currencies: AdminCurrency[] };

/** Currencies deals may be in, and their rates to the corporate currency from a given day on. */
export function CurrenciesTab() {
  const list = useAdminQuery<CurrencyList>('currencies');
  const add = useAdminChange('currencies');
  const [code, setCode] = useState('');
  const [decimals, setDecimals] = useState('2');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        method: 'POST',
        path: '/api/admin/currencies',
        body: { code: code.trim().toUpperCase(), decimals: Number(decimals) },
      },
      { onSuccess: () => setCode('') },
    );
  };
  return (
    <>
      <section className="panel" aria-labelledby="currencies-title">
        <div className="panel-head">
          <h2 id="currencies-title" className="panel-title">
            Currencies {list.data ? `(amounts are reported in ${list.data.corporateCurrency})` : ''}
          </h2>
          {list.data ? (
            <ExportLinks path="/api/admin/currencies/export" query={{}} what="currencies and rates" />
          ) : null}
        </div>
        {list.isPending ? <Spinner /> : null}
        {list.isError ? <Notice tone="error">{describeError(list.error)}</Notice> : null}
        {list.data ? (
          <div className="table-scroll table-scroll-auto">
            <table className="data-table admin-table">
              <thead>
                <tr>
                  <th>Currency</th>
                  <th>Decimals</th>
                  <th>Latest rate</th>
                  <th>Add a rate</th>
                </tr>
              </thead>
              <tbody>
                {list.data.currencies.map((currency) => (
                  <CurrencyRow
                    key={currency.code}
                    currency={currency}
                    corporate={list.data.corporateCurrency}
                  />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="add-currency-title">
        <h2 id="add-currency-title" className="panel-title">
          Add a currency
        </h2>
        <form className="inline-form" onSubmit={submit}>
          <label className="compact-field">
            <span>ISO code</span>
            <input
              value={code}
              maxLength={3}
              placeholder="EUR"
              onChange={(e) => setCode(e.target.value)}
              required
            />
          </label>
          <label className="compact-field">
            <span>Decimals</span>
            <input
              type="number"
              min={0}
              max={4}
              value={decimals}
              onChange={(e) => setDecimals(e.target.value)}
            />
          </label>
          <button type="submit" className="button button-primary" disabled={add.isPending}>
            Add currency
          </button>
        </form>
        <SaveStatus outcome={add} success="Currency added." />
      </section>
    </>
  );
}

function CurrencyRow({ currency, corporate }: { currency: AdminCurrency; corporate: string }) {
  const save = useAdminChange('currencies');
  const [validFrom, setValidFrom] = useState(todayText());
  const [rate, setRate] = useState('');
  const latest = currency.rates.at(-1);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { method: 'POST', path: adminPath('currencies', currency.code, 'rates'), body: { validFrom, rate } },
      { onSuccess: () => setRate('') },
    );
  };
  return (
    <tr>
      <td>
        <strong>{currency.code}</strong>{' '}
        {currency.isCorporate ? <span className="badge badge-note">corporate</span> : null}
      </td>
      <td>{currency.decimals}</td>
      <td>
        {currency.isCorporate
          ? '—'
          : latest
            ? `1 ${currency.code} = ${latest.rate} ${corporate} from ${formatDay(latest.validFrom)}`
            : 'no rate yet: its deals are left out of totals'}
        {currency.rates.length > 1 ? (
          <div className="muted">{currency.rates.length} rates on record</div>
        ) : null}
      </td>
      <td>
        {currency.isCorporate ? null : (
          <form className="inline-form" onSubmit={submit} aria-label={`Add a ${currency.code} rate`}>
            <label className="compact-field">
              <span>From</span>
              <input type="date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} required />
            </label>
            <label className="compact-field">
              <span>{`${corporate} per ${currency.code}`}</span>
              <input
                value={rate}
                inputMode="decimal"
                placeholder="1.0825"
                onChange={(e) => setRate(e.target.value)}
                required
              />
            </label>
            <button type="submit" className="button button-small" disabled={save.isPending}>
              Add rate
            </button>
          </form>
        )}
        <SaveStatus outcome={save} success="Rate saved." />
      </td>
    </tr>
  );
}
