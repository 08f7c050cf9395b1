import type { OpportunityDetailResponse } from '../../api/opportunity-detail.js';
import type { TimelineEventResponse } from '../../api/opportunity-timeline.js';
import { formatDelay, formatInstant } from '../format/format-time.js';
import { describeError } from '../http/api-error.js';
import { ExportLinks } from '../ui/export-links.js';
import { Notice, Spinner } from '../ui/notice.js';
import { usePeopleNames, useTimeline } from './deal-queries.js';
import { describeChangeValue, describeEventKind, describeField, hiddenOnCreate } from './timeline-text.js';

type TimelineProps = { deal: OpportunityDetailResponse; asOf: string | null };

/**
 * Every ledger event of the deal, newest first: when it took effect and when Candor learned it,
 * who did it from where, and each field's old and new value. Backdated entries and a close recorded
 * late are marked, since those are what an auditor asks about.
 */
export function DealTimeline({ deal, asOf }: TimelineProps) {
  const timeline = useTimeline(deal.id);
  const known: Record<string, string> = {};
  if (deal.owner) known[deal.owner.id] = deal.owner.name ?? deal.owner.id;
  if (deal.account) known[deal.account.id] = deal.account.name ?? deal.account.id;
  const nameOf = usePeopleNames(known);
  const asOfTime = asOf ? Date.parse(`${asOf}T00:00:00Z`) : null;

  return (
    <section className="panel timeline-panel" aria-labelledby="timeline-title">
      <div className="panel-head">
        <h2 id="timeline-title" className="panel-title">
          Timeline from the ledger
        </h2>
        {timeline.data ? (
          <ExportLinks
            path={`/api/opportunities/${encodeURIComponent(deal.id)}/timeline/export`}
            query={{}}
            what="the deal's timeline"
          />
        ) : null}
      </div>
      {timeline.isPending ? <Spinner /> : null}
      {timeline.isError ? <Notice tone="error">{describeError(timeline.error)}</Notice> : null}
      {timeline.data ? (
        <>
          <p className="muted timeline-note">
            {timeline.data.events.length} events. A change is marked backdated when it was entered more than{' '}
            {timeline.data.backdatedAfterHours} hours after the moment it says it took effect.
          </p>
          <ol className="timeline" data-testid="timeline">
            {[...timeline.data.events].reverse().map((event) => (
              <TimelineEntry
                key={event.seq}
                event={event}
                deal={deal}
                nameOf={nameOf}
                afterView={asOfTime !== null && Date.parse(event.businessTime) >= asOfTime}
              />
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

type EntryProps = {
  event: TimelineEventResponse;
  deal: OpportunityDetailResponse;
  nameOf: (id: string) => string;
  afterView: boolean;
};

function TimelineEntry({ event, deal, nameOf, afterView }: EntryProps) {
  const isCreate = event.kind === 'opportunity.created';
  // A change event restates some fields unchanged (from = to); only real changes are listed.
  const changes = event.changes.filter((c) =>
    isCreate ? !hiddenOnCreate.has(c.field) && c.to !== null : c.from !== c.to,
  );
  const lateClose =
    deal.marks.isLateRecordedClose && event.changes.some((c) => c.field === 'isClosed' && c.to === 'true');
  const recordedLater = Date.parse(event.recordedTime) - Date.parse(event.businessTime) > 60_000;
  return (
    <li
      className={`timeline-entry${event.backdated ? ' is-backdated' : ''}${afterView ? ' is-after-view' : ''}`}
    >
      <div className="timeline-head">
        <strong>{describeEventKind(event.kind)}</strong>
        <span className="timeline-who">
          by {nameOf(event.actor)} · <span className="badge badge-source">{event.source}</span>
        </span>
        {event.backdated ? <span className="badge badge-warn">backdated</span> : null}
        {lateClose ? <span className="badge badge-warn">close recorded late</span> : null}
        {afterView ? <span className="badge badge-note">after the day viewed</span> : null}
      </div>
      <div className="timeline-times">
        <span title={event.businessTime}>Took effect {formatInstant(event.businessTime)}</span>
        <span title={event.recordedTime}>
          Recorded {formatInstant(event.recordedTime)}
          {recordedLater ? ` (${formatDelay(event.businessTime, event.recordedTime)} later)` : ''}
        </span>
        <span className="muted">#{event.seq}</span>
      </div>
      {changes.length > 0 ? (
        <table className="change-table">
          <tbody>
            {changes.map((change) => (
              <tr key={change.field}>
                <th scope="row">{describeField(change.field)}</th>
                <td>
                  {isCreate || change.from === null ? null : (
                    <>
                      <span className="change-from">
                        {describeChangeValue(change.field, change.from, deal, nameOf)}
                      </span>
                      <span className="change-arrow" aria-label="changed to">
                        →
                      </span>
                    </>
                  )}
                  <span className="change-to">
                    {describeChangeValue(change.field, change.to, deal, nameOf)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </li>
  );
}
