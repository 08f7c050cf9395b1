import type { ScorecardCard, ScorecardReport } from '../../api/scorecards.js';
import { describeError } from '../http/api-error.js';
import { useSession } from '../session/session-context.js';
import { EmptyState, Notice, Spinner } from '../ui/notice.js';
import { useView } from '../view/use-view.js';
import { LeadingInsightPanel } from './leading-insight-panel.js';
import { ScorecardCardView } from './scorecard-card.js';
import { useScorecards } from './scorecard-queries.js';
import './scorecards.css';

/** Scorecards of the teams and reps the person may see, for the quarter picked in the top bar. */
export function ScorecardsPage() {
  const view = useView();
  const session = useSession();
  const scorecards = useScorecards(view.period);
  const report = scorecards.data;
  return (
    <div className="page-stack">
      <header className="page-header">
        <div>
          <h1>Scorecards {view.period}</h1>
          <p className="page-subtitle">
            {report ? `${Math.round(report.elapsedShare * 100)} % of the quarter gone · ` : ''}
            {session.scope.description}
            {report ? ` · amounts in ${report.currency}` : ''}
          </p>
        </div>
      </header>
      {scorecards.isError ? <Notice tone="error">{describeError(scorecards.error)}</Notice> : null}
      {scorecards.isPending ? <Spinner label="Working out the scorecards…" /> : null}
      {report ? <Legend report={report} /> : null}
      {report && report.teams.length + report.people.length === 0 ? (
        <EmptyState title="No scorecards for this quarter">
          There are no reps or teams in what you may see. Reps get a card; so does anyone with a quota.
        </EmptyState>
      ) : null}
      {report ? (
        <CardSection
          label="Teams"
          cards={report.teams}
          report={report}
          stale={scorecards.isPlaceholderData}
        />
      ) : null}
      {report ? (
        <CardSection
          label="Reps"
          cards={report.people}
          report={report}
          stale={scorecards.isPlaceholderData}
        />
      ) : null}
      {report ? <LeadingInsightPanel period={view.period} /> : null}
    </div>
  );
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
  stale,
}: {
  label: string;
  cards: readonly ScorecardCard[];
  report: ScorecardReport;
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
            period={report.period}
            periods={report.periods}
          />
        ))}
      </div>
    </section>
  );
}
