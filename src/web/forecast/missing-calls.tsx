import type { MissingCallsResponse } from '../../api/calls.js';
import { formatInstant } from '../format/format-time.js';
import { ExportLinks } from '../ui/export-links.js';
import { Notice } from '../ui/notice.js';

/** Who has not yet called this week, and when the call is due. */
export function MissingCalls({ reminders }: { reminders: MissingCallsResponse }) {
  if (!reminders.window) return null;
  if (reminders.missing.length === 0) {
    return (
      <Notice tone="success">
        Everyone has called for week {reminders.window.week} ({reminders.expected} of {reminders.expected}).
      </Notice>
    );
  }
  return (
    <Notice
      tone="warning"
      title={`Not yet called for week ${reminders.window.week}: due ${formatInstant(reminders.window.dueAt)}`}
    >
      <span data-testid="missing-calls">
        {reminders.missing.length} of {reminders.expected}:{' '}
        {reminders.missing
          .map(
            (m) =>
              `${m.name}${m.teamName ? ` (${m.teamName})` : ''}${m.lastCallWeek ? `, last called week ${m.lastCallWeek}` : ''}`,
          )
          .join('; ')}
      </span>{' '}
      <ExportLinks
        path="/api/calls/reminders/export"
        query={{ period: reminders.period }}
        what="who has not called"
      />
    </Notice>
  );
}
