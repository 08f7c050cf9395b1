import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { QuotaReportResponse } from '../../api/quotas.js';
import { formatMoney } from '../format/format-money.js';
import { describeError } from '../http/api-error.js';
import { getJson, sendJson } from '../http/api-client.js';
import { useSession } from '../session/session-context.js';
import { ExportLinks } from '../ui/export-links.js';
import { Notice, Spinner } from '../ui/notice.js';
import { useView } from '../view/use-view.js';
import { SaveStatus } from './save-status.js';
import '../scorecards/scorecards.css';

type Subject = { subjectType: 'user' | 'team'; subjectId: string };

/**
 * Quotas of a quarter or month by team and person. A team's own quota stands beside the sum of its
 * people's, with the difference; each figure can be set (or cleared) here, as a ledger event.
 */
export function QuotasTab() {
  const view = useView();
  const [period, setPeriod] = useState(view.period);
  const session = useSession();
  const client = useQueryClient();
  const quotas = useQuery({
    queryKey: ['quotas', period],
    queryFn: ({ signal }) => getJson<QuotaReportResponse>('/api/quotas', { period }, signal),
  });
  const save = useMutation({
    mutationFn: (change: Subject & { amount: string | null }) =>
      sendJson<QuotaReportResponse>('/api/quotas', {
        method: change.amount === null ? 'DELETE' : 'PUT',
        body:
          change.amount === null
            ? { subjectType: change.subjectType, subjectId: change.subjectId, period }
            : { subjectType: change.subjectType, subjectId: change.subjectId, period, amount: change.amount },
        csrfToken: session.csrfToken,
      }),
    onSuccess: async (report) => {
      client.setQueryData(['quotas', period], report);
      await client.invalidateQueries({ queryKey: ['scorecards'] });
    },
  });
  const report = quotas.data;
  const currency = report?.currency ?? 'USD';
  return (
    <section className="panel" aria-label="Quotas">
      <div className="inline-form">
        <label className="compact-field">
          <span>Period</span>
          <input
            value={period}
            onChange={(event) => setPeriod(event.target.value.trim())}
            pattern="\d{4}-(Q[1-4]|0[1-9]|1[0-2])"
            aria-describedby="quota-period-help"
            size={9}
          />
        </label>
        <span id="quota-period-help" className="muted">
          a fiscal quarter (2026-Q3) or a month (2026-03) · amounts in {currency}
        </span>
        {report ? (
          <ExportLinks
            path="/api/quotas/export"
            query={{ period: report.period }}
            what={`quotas of ${report.period}`}
          />
        ) : null}
      </div>
      <p className="muted">
        The scorecards’ indicator targets of every role, as set or by default:{' '}
        <ExportLinks path="/api/targets/export" query={{}} what="indicator targets" />
      </p>
      {quotas.isPending ? <Spinner label="Reading the quotas…" /> : null}
      {quotas.isError ? <Notice tone="error">{describeError(quotas.error)}</Notice> : null}
      <SaveStatus outcome={save} success="Saved in the ledger." />
      {report ? (
        <>
          <h3>Teams</h3>
          <table className="data-table quota-table">
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Own quota</th>
                <th scope="col">Sum of its people</th>
                <th scope="col">Difference</th>
              </tr>
            </thead>
            <tbody>
              {report.teams.map((team) => (
                <tr key={team.teamId} data-testid={`quota-team-${team.teamId}`}>
                  <th scope="row" style={{ paddingLeft: `${0.5 + team.depth * 1.2}rem` }}>
                    {team.name}
                  </th>
                  <td>
                    <QuotaInput
                      value={team.own}
                      label={`Own quota of ${team.name}`}
                      onSave={(amount) =>
                        save.mutate({ subjectType: 'team', subjectId: team.teamId, amount })
                      }
                    />
                  </td>
                  <td className="num">
                    {formatMoney(team.membersSum, currency)}{' '}
                    <span className="muted">({team.membersWithQuota} with a quota)</span>
                  </td>
                  <td className={`num ${differenceClass(team.difference)}`}>
                    {team.difference === null ? '—' : formatMoney(team.difference, currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>People</h3>
          <table className="data-table quota-table">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Quota</th>
              </tr>
            </thead>
            <tbody>
              {report.people.map((person) => (
                <tr key={person.userId} data-testid={`quota-user-${person.userId}`}>
                  <th scope="row">{person.name}</th>
                  <td>
                    <QuotaInput
                      value={person.quota}
                      label={`Quota of ${person.name}`}
                      onSave={(amount) =>
                        save.mutate({ subjectType: 'user', subjectId: person.userId, amount })
                      }
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

function differenceClass(difference: string | null): string {
  if (difference === null || Number(difference) === 0) return '';
  return Number(difference) > 0 ? 'quota-difference-positive' : 'quota-difference-negative';
}

/** An amount field that saves on Enter or on leaving it; emptying it clears the quota. */
function QuotaInput(props: { value: string | null; label: string; onSave: (amount: string | null) => void }) {
  const [draft, setDraft] = useState(props.value ?? '');
  const [shown, setShown] = useState(props.value);
  if (shown !== props.value) {
    setShown(props.value);
    setDraft(props.value ?? '');
  }
  const commit = () => {
    const text = draft.trim();
    if (text === (props.value ?? '')) return;
    props.onSave(text === '' ? null : text);
  };
  return (
    <input
      className="quota-input"
      inputMode="decimal"
      aria-label={props.label}
      value={draft}
      placeholder="none"
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
    />
  );
}
