import icalGenerator, { ICalEventStatus } from 'ical-generator';
import type { AccessScope } from '../../core/access-scope.js';
import { DomainError } from '../../core/domain-error.js';
import { listExecutives, listMeetings, listStrategicAccountRecords } from '../../store/engagement-queries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { getOrgContext } from '../org-context.js';

/**
 * A sponsor's planned meetings as an iCalendar file: the programme meetings still scheduled on the
 * accounts they sponsor or attend, from `from` on. Each event's UID is the meeting id, so a
 * calendar that subscribes updates the same events instead of adding copies.
 */
export async function getSponsorCalendar(
  handle: DatabaseHandle,
  options: { sponsorId: string; scope: AccessScope; from: Date; host: string },
): Promise<{ fileName: string; body: string }> {
  return withConnection(handle, async (conn) => {
    const org = await getOrgContext(conn);
    const sponsor = (await listExecutives(conn)).find((e) => e.id === options.sponsorId);
    if (!sponsor) throw new DomainError('not-found', `there is no executive ${options.sponsorId}`);
    const records = await listStrategicAccountRecords(conn);
    const meetings = (
      await listMeetings(conn, {
        scope: options.scope,
        corporateCurrency: org.settings.corporateCurrency,
        from: options.from,
      })
    ).filter(
      (m) =>
        m.planned &&
        m.status === 'scheduled' &&
        (records.get(m.accountId)?.sponsorId === sponsor.id || m.attendeeIds.includes(sponsor.id)),
    );
    const calendar = icalGenerator({
      name: `Business reviews: ${sponsor.name}`,
      timezone: org.settings.timeZone,
      prodId: { company: 'Candor', product: 'engagement' },
    });
    for (const m of meetings) {
      const start = new Date(m.startsAt);
      calendar.createEvent({
        id: `${m.id}@${options.host}`,
        start,
        end: new Date(start.getTime() + m.durationMinutes * 60_000),
        summary: `${m.title} — ${m.accountName ?? m.accountId}`,
        description:
          [m.deal ? `Deal: ${m.deal.name}` : null, m.nextSteps ? `Next steps: ${m.nextSteps}` : null]
            .filter(Boolean)
            .join('\n') || null,
        status: ICalEventStatus.CONFIRMED,
      });
    }
    return { fileName: `business-reviews-${sponsor.id}.ics`, body: calendar.toString() };
  });
}
