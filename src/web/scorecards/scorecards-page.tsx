import { useSearchParams } from 'react-router';
import type { ScorecardCard, ScorecardReport } from '../../api/scorecards.js';
import { todayText } from '../format/format-time.js';
import { describeError } from '../http/api-error.js';
import { useSession } from '../session/session-context.js';
import { EmptyState, Notice, Spinner } from '../ui/notice.js';
import { useView } from '../view/use-view.js';
import { LeadingInsightPanel } from './leading-insight-panel.js';
import { spanHolding } from './quarter-spans.js';
import { ScorecardCardView, type DealsScope } from './scorecard-card.js';
import { ExportLinks } from '../ui/export-links.js';
import { useQuarterSpans, useScorecards } from './scorecard-queries.js';
import { describeSpanDays, SpanPicker, type Grain } from './span-picker.js';
import './scorecards.css';

const grainOf = (span: string | null): Grain =>
  span && /^\d{4}-\d{2}$/.test(span) ? 'month' : span && /^\d{4}-W\d{2}$/.test(span) ? 'week' : 'quarter';

/**
 * Scorecards of the teams and reps the person may see, for the quarter picked in the top bar or
 * one of its months or weeks (`span` in the address bar, so the view can be shared).
 */
export function ScorecardsPage() {
  const view = useView();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const spanParam = params.get('span');
  const grain = grainOf(spanParam);
  const spans = useQuarterSpans(view.period);
  const options =
    grain === 'month' ? (spans.data?.months ?? []) : grain === 'week' ? (spans.data?.weeks ?? []) : [];
  // A month or week of another quarter (the top bar changed): the one of this quarter holding today.
  const selected = options.find((s) => s.period === spanParam) ?? spanHolding(options, todayText());
  const period = grain === 'quarter' ? view.period : (selected?.period ?? spanParam ?? view.period);
  const scorecards = useScorecards(period);
  const report = scorecards.data;
  const setSpan = (value: string | null) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value === null) next.delete('span');
      else next.set('span', value);
      return next;
    });
  const pickGrain = (next: Grain) => {
    if (next === 'quarter') return setSpan(null);
    const list = next === 'month' ? spans.data?.months : spans.data?.weeks;
    setSpan(spanHolding(list ?? [], todayText())?.period ?? null);
  };
  const unit = report ? grainOf(report.period === view.period ? null : report.period) : grain;
  return (
    <div className="page-stack">
      <header className="page-header">
        <div>
          <h1>Scorecards {period}</h1>
          <p className="page-subtitle">
            {report && report.period !== view.period
              ? `${describeSpanDays({ start: report.periodStart, end: report.periodEnd })} · `
              : ''}
            {report ? `${Math.round(report.elapsedShare * 100)} % of the ${unit} gone · ` : ''}
            {session.scope.description}
            {report ? ` · amounts in ${report.currency}` : ''}
          </p>
        </div>
        <div className="page-header-tools">
          <SpanPicker
            grain={grain}
            selected={selected?.period ?? null}
            options={options}
            loading={spans.isPending}
            onGrain={pickGrain}
            onSpan={setSpan}
          />
          {report ? <ExportLinks path="/api/scorecards/export" query={{ period }} what="scorecards" /> : null}
        </div>
      </header>
      {scorecards.isError ? <Notice tone="error">{describeError(scorecards.error)}</Notice> : null}
      {spans.isError ? <Notice tone="error">{describeError(spans.error)}</Notice> : null}
      {scorecards.isPending ? <Spinner label="Working out the scorecards…" /> : null}
      {report ? <Legend report={report} /> : null}
      {report && report.teams.length + report.people.length === 0 ? (
        <EmptyState title={`No scorecards for ${report.period}`}>
          There are no reps or teams in what you may see. Reps get a card; so does anyone with a quota.
        </EmptyState>
      ) : null}
      {report ? (
        <CardSection
          label="Teams"
          cards={report.teams}
          report={report}
          dealsScope={dealsScopeOf(report, view.period)}
          stale={scorecards.isPlaceholderData}
        />
      ) : null}
      {report ? (
        <CardSection
          label="Reps"
          cards={report.people}
          report={report}
          dealsScope={dealsScopeOf(report, view.period)}
          stale={scorecards.isPlaceholderData}
        />
      ) : null}
      {report ? <LeadingInsightPanel period={view.period} /> : null}
    </div>
  );
}

/** The deals list shows a quarter by itself; a month or week as a range of close dates in it. */
function dealsScopeOf(report: ScorecardReport, quarter: string): DealsScope {
  return report.period === quarter
    ? { period: quarter }
    : { period: quarter, close: 'range', from: report.periodStart, to: report.periodEnd };
}

function Legend({ report }: { report: ScorecardReport }) {
  return (
    <p className="scorecard-legend">
      <span className="status-pill status-on-track">On track</span>
      <span className="status-pill status-at-risk">At risk</span>
      <span className="status-pill status-off-track">Off track</span>
      <span className="muted">{report.statusRule}</span>
    </p>
  );
}

/** One titled grid of cards (teams or reps); nothing when there are none. */
function CardSection({
  label,
  cards,
  report,
  dealsScope,
  stale,
}: {
  label: string;
  cards: readonly ScorecardCard[];
  report: ScorecardReport;
  dealsScope: DealsScope;
  stale: boolean;
}) {
  if (cards.length === 0) return null;
  return (
    <section aria-label={label} className={stale ? 'is-stale' : ''}>
      <h2 className="section-title">{label}</h2>
      <div className="scorecard-grid">
        {cards.map((card) => (
          <ScorecardCardView
            key={card.subjectId}
            card={card}
            currency={report.currency}
            dealsScope={dealsScope}
            periods={report.periods}
          />
        ))}
      </div>
    </section>
  );
}
