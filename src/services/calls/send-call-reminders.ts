import { randomUUID } from 'node:crypto';
import { everything } from '../../core/access-scope.js';
import { listPeopleEmails } from '../../store/call-queries.js';
import { insertDigestDelivery, type DigestDelivery } from '../../store/digest-deliveries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { deliverWebhook, type WebhookChannel } from '../digest/deliver-webhook.js';
import type { DigestChannels } from '../digest/send-digests.js';
import { listMissingCalls, type MissingCalls } from './list-missing-calls.js';

export type CallReminderRun = {
  runId: string;
  period: string;
  /** The window the reminders are for; null when the period's calls are frozen (nothing to remind). */
  window: MissingCalls['window'];
  dryRun: boolean;
  reminders: {
    userId: string;
    name: string;
    teamName: string | null;
    email: string | null;
    dueAt: string;
    lastCallWeek: number | null;
    /** How this person is reached: their own e-mail; the webhook lists everyone once. */
    channels: 'email'[];
  }[];
  /** Whether the run's list goes to the webhook. */
  webhook: boolean;
  deliveries: Omit<DigestDelivery, 'createdAt' | 'finishedAt'>[];
};

/**
 * Reminds everyone who has not called the week open now (listMissingCalls, over the whole
 * organisation): one e-mail to each who has an address, and one signed webhook POST listing them
 * all (`candor.call-reminders`), over the channels the digest uses (SMTP_URL, DIGEST_WEBHOOK_URL and
 * its secret). Every delivery is logged with the digests' (the delivery log), so a failed one is
 * visible. With `dryRun` nothing is sent; the run says who would be reminded, and how.
 */
export async function sendCallReminders(
  handle: DatabaseHandle,
  options: { period: string; now: Date; channels: DigestChannels; dryRun: boolean; clock: () => Date },
): Promise<CallReminderRun> {
  const missing = await listMissingCalls(handle, {
    period: options.period,
    readScope: everything,
    now: options.now,
  });
  const emails = await withConnection(handle, (conn) =>
    listPeopleEmails(
      conn,
      missing.missing.map((m) => m.userId),
    ),
  );
  const runId = randomUUID();
  const run: CallReminderRun = {
    runId,
    period: options.period,
    window: missing.window,
    dryRun: options.dryRun,
    reminders: missing.missing.map((m) => {
      const email = emails.get(m.userId) ?? null;
      return {
        userId: m.userId,
        name: m.name,
        teamName: m.teamName,
        email,
        dueAt: m.dueAt,
        lastCallWeek: m.lastCallWeek,
        channels: options.channels.email && email ? ['email'] : [],
      };
    }),
    webhook: options.channels.webhook !== null && missing.missing.length > 0,
    deliveries: [],
  };
  if (options.dryRun || !missing.window) return run;
  const week = missing.window.week;
  const log = async (delivery: Omit<DigestDelivery, 'id' | 'runId' | 'audience'>) => {
    const full: DigestDelivery = { ...delivery, id: randomUUID(), runId, audience: 'owner' };
    await withConnection(handle, (conn) => insertDigestDelivery(conn, full));
    const { createdAt: _c, finishedAt: _f, ...logged } = full;
    run.deliveries.push(logged);
  };
  for (const reminder of run.reminders) {
    if (!reminder.email || !options.channels.email) continue;
    const subject = `Your forecast call for ${options.period}, week ${week}, is due ${reminder.dueAt}`;
    const createdAt = options.clock();
    const outcome = await sendReminderEmail(options.channels.email, {
      to: reminder.email,
      subject,
      reminder,
      period: options.period,
    });
    await log({
      channel: 'email',
      recipient: reminder.email,
      subject,
      status: outcome.ok ? 'sent' : 'failed',
      attempts: 1,
      lastError: outcome.error,
      createdAt,
      finishedAt: options.clock(),
    });
  }
  if (run.webhook && options.channels.webhook) {
    const subject = `${run.reminders.length} forecast call(s) missing for ${options.period}, week ${week}`;
    const createdAt = options.clock();
    const body = JSON.stringify({
      type: 'candor.call-reminders',
      runId,
      period: options.period,
      week,
      dueAt: missing.window.dueAt,
      missing: run.reminders.map(({ channels: _channels, ...r }) => r),
    });
    const outcome = await deliverWebhook(options.channels.webhook as WebhookChannel, body);
    await log({
      channel: 'webhook',
      recipient: options.channels.webhook.url,
      subject,
      status: outcome.ok ? 'sent' : 'failed',
      attempts: outcome.attempts,
      lastError: outcome.lastError,
      createdAt,
      finishedAt: options.clock(),
    });
  }
  return run;
}

async function sendReminderEmail(
  email: NonNullable<DigestChannels['email']>,
  message: { to: string; subject: string; period: string; reminder: CallReminderRun['reminders'][number] },
): Promise<{ ok: boolean; error: string | null }> {
  const { reminder } = message;
  const last =
    reminder.lastCallWeek === null
      ? `You have not called ${message.period} yet.`
      : `Your latest call for ${message.period} was for week ${reminder.lastCallWeek}.`;
  try {
    await email.transport.sendMail({
      from: email.from,
      to: message.to,
      subject: message.subject,
      text: `${reminder.name},\n\n${message.subject}. ${last}\nSubmit your commit and best case on the Forecast page.\n\nCandor\n`,
    });
    return { ok: true, error: null };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
