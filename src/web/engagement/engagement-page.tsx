import { Link } from 'react-router';
import type { EngagementPlanView, EngagementReportViewDto } from '../../api/engagement.js';
import { formatMoney } from '../format/format-money.js';
import { formatDay, formatInstant } from '../format/format-time.js';
import { describeError } from '../http/api-error.js';
import { ExportLinks } from '../ui/export-links.js';
import { Notice, Spinner } from '../ui/notice.js';
import { useView } from '../view/use-view.js';
import { useEngagementPlan, useEngagementReport } from './engagement-queries.js';
import '../insights/insights.css';

const statusLabels: Record<string, string> = {
  'not-due': 'not due',
  held: 'held',
  scheduled: 'scheduled',
  'to-schedule': 'to schedule',
  overdue: 'overdue',
};
const kindLabels: Record<string, string> = {
  planned: 'Planned',
  'fire-drill': 'Fire drill',
  unplanned: 'Unplanned',
};

/** Executive engagement: the strategic accounts, their sponsors, coverage, planned against fire drills. */
export function EngagementPage() {
  const view = useView();
  const plan = useEngagementPlan(view.period);
  const report = useEngagementReport(view.period);
  return (
    <div className="page-stack">
      <title>{`Engagement ${view.period} · Candor`}</title>
      <header className="page-header">
        <div>
          <h1>Executive engagement {view.period}</h1>
          <p className="page-subtitle">Strategic accounts, their sponsors and business reviews</p>
        </div>
      </header>
      {plan.isError ? <Notice tone="error">{describeError(plan.error)}</Notice> : null}
      {plan.isPending ? <Spinner label="Planning the period…" /> : null}
      {plan.data ? <Plan plan={plan.data} carry={view.carry} /> : null}
      {report.isError ? <Notice tone="error">{describeError(report.error)}</Notice> : null}
      {report.data ? <Report report={report.data} carry={view.carry} /> : null}
    </div>
  );
}

type Carry = ReturnType<typeof useView>['carry'];

function Plan({ plan, carry }: { plan: EngagementPlanView; carry: Carry }) {
  const c = plan.coverage;
  const money = (a: string) => formatMoney(a, plan.currency, { compact: true });
  const sponsors = new Map(
    plan.accounts.filter((a) => a.sponsorId).map((a) => [a.sponsorId as string, a.sponsorName]),
  );
  return (
    <>
      <section className="category-cards insight-cards" aria-label="Coverage">
        <Stat label="Strategic accounts" value={String(c.strategicAccounts)} caption={selectionText(plan)} />
        <Stat
          label="Coverage"
          value={c.coverage01 === null ? '–' : `${Math.round(c.coverage01 * 100)} %`}
          caption={`${c.planned} of ${c.due} due have a review`}
        />
        <Stat label="Held" value={String(c.held)} caption="reviews held this period" />
        <Stat label="Overdue" value={String(c.overdue)} caption="due and not booked" />
        <Stat label="Without sponsor" value={String(c.withoutSponsor)} caption="need an executive" />
      </section>
      <section className="panel" aria-labelledby="accounts-title">
        <div className="panel-head">
          <h2 id="accounts-title" className="panel-title">
            Strategic accounts (scored on {plan.scoringPeriods[0]}–{plan.scoringPeriods.at(-1)})
          </h2>
          <ExportLinks
            path="/api/engagement/plan/export"
            query={{ period: plan.period }}
            what="the strategic accounts"
          />
        </div>
        {plan.accounts.length === 0 ? (
          <p className="muted">No account is critical with the current settings.</p>
        ) : null}
        <div className="table-scroll table-scroll-auto">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col" className="col-amount">
                  Score
                </th>
                <th scope="col" className="col-amount">
                  Won (4 periods)
                </th>
                <th scope="col" className="col-amount">
                  Open pipeline
                </th>
                <th scope="col">Sponsor</th>
                <th scope="col">Cadence</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {plan.accounts.map((a) => (
                <tr key={a.accountId}>
                  <th scope="row">
                    <Link to={carry(`/accounts/${encodeURIComponent(a.accountId)}`)}>{a.name}</Link>
                    {a.strategicTag ? <span className="badge badge-note">strategic</span> : null}
                  </th>
                  <td className="col-amount">{a.score.toFixed(1)}</td>
                  <td className="col-amount">{money(a.won)}</td>
                  <td className="col-amount">{money(a.openPipeline)}</td>
                  <td>{a.sponsorName ?? <span className="status-overdue">none</span>}</td>
                  <td>{a.cadence}</td>
                  <td>{a.dueDays.map((d) => formatDay(d)).join(', ') || '—'}</td>
                  <td className={`coverage-status status-${a.status}`}>
                    {statusLabels[a.status] ?? a.status}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {sponsors.size > 0 ? (
          <div className="button-row">
            {[...sponsors].map(([id, name]) => (
              <a
                key={id}
                className="button button-quiet"
                href={`/api/engagement/sponsors/${encodeURIComponent(id)}/calendar.ics`}
              >
                Calendar of {name ?? id} (.ics)
              </a>
            ))}
          </div>
        ) : null}
      </section>
    </>
  );
}

function Report({ report, carry }: { report: EngagementReportViewDto; carry: Carry }) {
  const share = report.fireDrillShare === null ? '–' : `${Math.round(report.fireDrillShare * 100)} %`;
  const after = report.afterwards;
  const money = (a: string) => formatMoney(a, report.currency, { compact: true });
  return (
    <>
      <div className="insight-columns">
        <section className="panel" aria-labelledby="sponsor-title">
          <h2 id="sponsor-title" className="panel-title">
            Planned against fire drills ({share} fire drills)
          </h2>
          <CountTable
            first="Executive"
            rows={report.bySponsor.map((s) => ({ key: s.name ?? '(no executive)', ...s }))}
          />
          <CountTable first="Period" rows={report.byPeriod.map((p) => ({ key: p.period, ...p }))} />
          <p className="muted">
            A fire drill: an unplanned meeting with an executive on a deal closing within{' '}
            {report.fireDrillDays} days.
          </p>
        </section>
        <section className="panel" aria-labelledby="after-title">
          <h2 id="after-title" className="panel-title">
            What happened to the deals afterwards
          </h2>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Meetings</th>
                <th scope="col" className="col-amount">
                  Deals
                </th>
                <th scope="col" className="col-amount">
                  Won
                </th>
                <th scope="col" className="col-amount">
                  Lost
                </th>
                <th scope="col" className="col-amount">
                  Slipped
                </th>
                <th scope="col" className="col-amount">
                  Open
                </th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ['Planned', after.planned],
                  ['Fire drill', after.fireDrill],
                ] as const
              ).map(([label, o]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td className="col-amount">{o.deals}</td>
                  <td className="col-amount">
                    {o.won} ({money(o.wonValue)})
                  </td>
                  <td className="col-amount">
                    {o.lost} ({money(o.lostValue)})
                  </td>
                  <td className="col-amount">{o.slipped}</td>
                  <td className="col-amount">{o.open}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <section className="panel" aria-labelledby="meetings-title">
        <div className="panel-head">
          <h2 id="meetings-title" className="panel-title">
            Meetings held, {report.periods[0]} to {report.periods.at(-1)}
          </h2>
          <ExportLinks
            path="/api/engagement/report/export"
            query={{ period: report.periods.at(-1) }}
            what="the meetings held"
          />
        </div>
        <div className="table-scroll table-scroll-auto">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Account</th>
                <th scope="col">Meeting</th>
                <th scope="col">Deal</th>
                <th scope="col">Close date then</th>
                <th scope="col">Kind</th>
              </tr>
            </thead>
            <tbody>
              {[...report.meetings]
                .reverse()
                .slice(0, 40)
                .map((m) => (
                  <tr key={m.id}>
                    <td>{formatInstant(m.startsAt)}</td>
                    <td>
                      <Link to={carry(`/accounts/${encodeURIComponent(m.accountId)}`)}>
                        {m.accountName ?? m.accountId}
                      </Link>
                    </td>
                    <td>{m.title}</td>
                    <td>
                      {m.opportunityId ? (
                        <Link to={carry(`/deals/${encodeURIComponent(m.opportunityId)}`)}>
                          {m.dealName ?? m.opportunityId}
                        </Link>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{formatDay(m.closeDateAtMeeting)}</td>
                    <td className={m.kind === 'fire-drill' ? 'status-overdue' : undefined}>
                      {kindLabels[m.kind]}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

function CountTable({
  first,
  rows,
}: {
  first: string;
  rows: { key: string; planned: number; fireDrill: number; unplanned: number }[];
}) {
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{first}</th>
          <th scope="col" className="col-amount">
            Planned
          </th>
          <th scope="col" className="col-amount">
            Fire drills
          </th>
          <th scope="col" className="col-amount">
            Other unplanned
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.key}</th>
            <td className="col-amount">{r.planned}</td>
            <td className="col-amount">{r.fireDrill}</td>
            <td className="col-amount">{r.unplanned}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Stat({ label, value, caption }: { label: string; value: string; caption: string }) {
  return (
    <div className="stat-card">
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
      <span className="stat-caption">{caption}</span>
    </div>
  );
}

function selectionText(plan: EngagementPlanView): string {
  return plan.settings.selection === 'top'
    ? `top ${plan.settings.topN} by score`
    : `score ${plan.settings.minScore} or more`;
}
