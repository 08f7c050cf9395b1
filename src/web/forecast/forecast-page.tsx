import { useSearchParams } from 'react-router';
import type { CallGridResponse } from '../../api/calls.js';
import { describeError } from '../http/api-error.js';
import { useSession } from '../session/session-context.js';
import { ExportLinks } from '../ui/export-links.js';
import { Notice, Spinner } from '../ui/notice.js';
import { useView } from '../view/use-view.js';
import { CallForm } from './call-form.js';
import { CallGrid } from './call-grid.js';
import { CallHistoryPanel } from './call-history-panel.js';
import { formatInstant } from '../format/format-time.js';
import { useCallGrid, useMissingCalls } from './forecast-queries.js';
import { MissingCalls } from './missing-calls.js';
import { formatShare } from './signed-money.js';
import './forecast.css';

/**
 * The Forecast page: the roll-up grid of a team (calls beside the bottom-up sums), the submission
 * form, who has not called yet, and one person's calls week by week. The team and the person shown
 * live in the address bar (`team`, `person`) next to the period.
 */
export function ForecastPage() {
  const view = useView();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const team = params.get('team');
  const person = params.get('person');
  const grid = useCallGrid(view.period, team);
  const reminders = useMissingCalls(view.period);
  const data = grid.data;
  const set = (key: string, value: string | null) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });

  return (
    <div className="page-stack">
      <header className="page-header">
        <div>
          <h1>Forecast {view.period}</h1>
          <p className="page-subtitle">
            {data?.team ? `${data.team.name} · ` : ''}
            {session.scope.description}
            {data ? ` · amounts in ${data.currency}` : ''}
            {data?.window
              ? ` · week ${data.window.week} due ${formatInstant(data.window.dueAt)}`
              : data
                ? ' · calls frozen'
                : ''}
          </p>
        </div>
        {data && data.teams.length > 1 ? (
          <label className="compact-field">
            <span>Team</span>
            <select
              value={data.team?.id ?? ''}
              onChange={(e) => set('team', e.target.value || null)}
              aria-label="Team"
            >
              {data.teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </header>
      {grid.isError ? <Notice tone="error">{describeError(grid.error)}</Notice> : null}
      {grid.isPending ? <Spinner label="Adding up the calls…" /> : null}
      {reminders.data ? <MissingCalls reminders={reminders.data} /> : null}
      {data ? (
        <section
          className={`panel${grid.isPlaceholderData ? ' is-stale' : ''}`}
          aria-label="Calls and roll-up"
        >
          <div className="panel-head">
            <h2 className="panel-title">Calls beside the roll-up</h2>
            <span className="muted">
              Δ week compares with the calls and deals at{' '}
              {data.previousDueAt ? formatInstant(data.previousDueAt) : 'the previous due time (none yet)'} ·
              a call more than {formatShare(data.policy.reasonShare01)} from its roll-up needs a reason
            </span>
            <ExportLinks
              path="/api/calls/grid/export"
              query={{ period: view.period, team }}
              what="the call grid"
            />
          </div>
          <CallGrid
            grid={data}
            selected={person ?? session.user.id}
            onSelect={(userId) => set('person', userId)}
            onOpenTeam={(teamId) => set('team', teamId)}
          />
          <CandorForecastExport grid={data} />
        </section>
      ) : null}
      {data ? <CallForm key={data.period} grid={data} /> : null}
      <CallHistoryPanel period={view.period} userId={person ?? session.user.id} />
    </div>
  );
}

/**
 * Candor's forecast of the grid's first row (the team, or a rep's own number) with the deals behind
 * it, as files: the figures of the grid's Candor column, explained deal by deal.
 */
function CandorForecastExport({ grid }: { grid: CallGridResponse }) {
  const first = grid.rows[0];
  if (!first) return null;
  const subject = first.kind === 'member' ? { owner: first.userId } : { team: first.teamId };
  const label = first.kind === 'member' ? first.name : (first.teamName ?? first.name);
  return (
    <p className="muted">
      Candor&apos;s forecast of {label}, with the deals behind it:{' '}
      <ExportLinks
        path="/api/forecast/export"
        query={{ period: grid.period, ...subject, deals: 'true' }}
        what={`Candor's forecast of ${label}`}
      />
    </p>
  );
}
