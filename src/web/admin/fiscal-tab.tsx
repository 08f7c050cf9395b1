import { useState, type FormEvent } from 'react';
import type { AdminSettings, ChangeSettingsRequest } from '../../api/admin-config.js';
import { describeError } from '../http/api-error.js';
import { Notice, Spinner } from '../ui/notice.js';
import { useAdminChange, useAdminQuery } from './admin-api.js';
import { SaveStatus } from './save-status.js';

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Zones the browser knows, for the time-zone suggestions (any IANA name is accepted). */
function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
}

export function FiscalTab() {
  const settings = useAdminQuery<AdminSettings>('settings');
  if (settings.isPending) return <Spinner />;
  if (settings.isError) return <Notice tone="error">{describeError(settings.error)}</Notice>;
  // Keyed by the saved values, so the form starts again from them after each save.
  return <FiscalForm key={JSON.stringify(settings.data)} settings={settings.data} />;
}

type EditableKey = keyof ChangeSettingsRequest;
const editableKeys: EditableKey[] = [
  'name',
  'timeZone',
  'fiscalYearStartMonth',
  'fiscalYearNamedBy',
  'weekStartDay',
  'backdatedAfterHours',
  'lateCloseAfterDays',
];

function FiscalForm({ settings }: { settings: AdminSettings }) {
  const save = useAdminChange('settings');
  const [draft, setDraft] = useState<AdminSettings>(settings);
  const set = <K extends keyof AdminSettings>(key: K, value: AdminSettings[K]) =>
    setDraft({ ...draft, [key]: value });
  const change: Record<string, unknown> = {};
  for (const key of editableKeys) if (draft[key] !== settings[key]) change[key] = draft[key];
  const dirty = Object.keys(change).length > 0;
  const startMonth = months[draft.fiscalYearStartMonth - 1] ?? 'January';
  const example =
    draft.fiscalYearStartMonth === 1
      ? 'the calendar year'
      : `${startMonth} to ${months[(draft.fiscalYearStartMonth + 10) % 12]}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ method: 'PATCH', path: '/api/admin/settings', body: change });
  };

  return (
    <section className="panel" aria-labelledby="fiscal-title">
      <h2 id="fiscal-title" className="panel-title">
        Organisation and fiscal calendar
      </h2>
      <form className="form-stack" onSubmit={submit}>
        <div className="form-grid">
          <label className="compact-field">
            <span>Organisation name</span>
            <input value={draft.name} onChange={(e) => set('name', e.target.value)} />
          </label>
          <label className="compact-field">
            <span>Fiscal year starts in</span>
            <select
              value={draft.fiscalYearStartMonth}
              onChange={(e) => set('fiscalYearStartMonth', Number(e.target.value))}
            >
              {months.map((month, index) => (
                <option key={month} value={index + 1}>
                  {month}
                </option>
              ))}
            </select>
          </label>
          <label className="compact-field">
            <span>Fiscal year named by</span>
            <select
              value={draft.fiscalYearNamedBy}
              onChange={(e) => set('fiscalYearNamedBy', e.target.value === 'start' ? 'start' : 'end')}
            >
              <option value="end">the year it ends in</option>
              <option value="start">the year it starts in</option>
            </select>
          </label>
          <label className="compact-field">
            <span>Weeks start on</span>
            <select value={draft.weekStartDay} onChange={(e) => set('weekStartDay', Number(e.target.value))}>
              {weekdays.map((day, index) => (
                <option key={day} value={index + 1}>
                  {day}
                </option>
              ))}
            </select>
          </label>
          <label className="compact-field">
            <span>Time zone</span>
            <input
              list="time-zones"
              value={draft.timeZone}
              onChange={(e) => set('timeZone', e.target.value)}
            />
            <datalist id="time-zones">
              {timeZones().map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </label>
          <label className="compact-field">
            <span>Backdated after (hours)</span>
            <input
              type="number"
              min={1}
              value={draft.backdatedAfterHours}
              onChange={(e) => set('backdatedAfterHours', Number(e.target.value))}
            />
          </label>
          <label className="compact-field">
            <span>Close recorded late after (days)</span>
            <input
              type="number"
              min={1}
              value={draft.lateCloseAfterDays}
              onChange={(e) => set('lateCloseAfterDays', Number(e.target.value))}
            />
          </label>
          <label className="compact-field">
            <span>Corporate currency</span>
            <input value={draft.corporateCurrency} readOnly aria-readonly="true" />
          </label>
        </div>
        <p className="muted">
          The fiscal year runs over {example}; quarters are named like 2026-Q3 after the year they belong to.
          Changing the calendar changes which deals every period holds, for past periods too.
        </p>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={!dirty || save.isPending}>
            {save.isPending ? 'Saving…' : 'Save settings'}
          </button>
          {dirty ? (
            <button type="button" className="button" onClick={() => setDraft(settings)}>
              Undo changes
            </button>
          ) : null}
        </div>
        <SaveStatus outcome={save} success="Settings saved." />
      </form>
    </section>
  );
}
