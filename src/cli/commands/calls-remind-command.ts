import type { Command } from 'commander';
import { sendCallReminders, type CallReminderRun } from '../../services/calls/send-call-reminders.js';
import { openChannelsToSend } from '../../services/digest/open-digest-channels.js';
import { DomainError } from '../../services/errors.js';
import {
  printJson,
  withCommonOptions,
  withDatabase,
  type CliContext,
  type CommonOptions,
} from '../cli-context.js';

type RemindOptions = CommonOptions & { period?: string; dryRun?: boolean };

/** `candor calls remind`: reminds who has not called the open week, by e-mail and signed webhook. */
export function registerCallsRemindCommand(calls: Command, context: CliContext): void {
  withCommonOptions(
    calls
      .command('remind')
      .description(
        'remind everyone who has not called the week open now, by e-mail and webhook (SMTP_URL, DIGEST_WEBHOOK_URL)',
      )
      .option('--period <period>', 'the period whose open week to remind of (required)')
      .option('--dry-run', 'list who would be reminded and how, and send nothing'),
  ).action(async (_options: RemindOptions, command: Command) => {
    // `calls` takes --period, --data-dir and --json too; they may be given before or after `remind`.
    const options = command.optsWithGlobals<RemindOptions>();
    if (options.period === undefined) {
      throw new DomainError('invalid-input', "required option '--period <period>' not specified", [
        { where: '--period', reason: 'the period whose calls are due, e.g. 2026-Q2' },
      ]);
    }
    const { config } = context;
    const dryRun = options.dryRun ?? false;
    const channels = openChannelsToSend(
      {
        smtpUrl: config.smtpUrl,
        from: config.digestFrom,
        webhookUrl: config.digestWebhookUrl,
        webhookSecret: config.digestWebhookSecret,
        clock: context.clock,
      },
      { dryRun, what: 'reminder' },
    );
    const period = options.period;
    const run = await withDatabase(context, options, (handle) =>
      sendCallReminders(handle, { period, now: context.clock(), channels, dryRun, clock: context.clock }),
    );
    if (options.json) printJson(context, run);
    else context.io.stdout(formatRun(run));
    if (run.deliveries.some((d) => d.status === 'failed')) context.setExitCode(1);
  });
}

function formatRun(run: CallReminderRun): string {
  if (!run.window)
    return `No call window is open for ${run.period}: its calls are frozen, nobody to remind\n`;
  const lines = [
    `${run.dryRun ? 'Would remind' : 'Reminded'} ${run.reminders.length} person(s) of the ${run.period} week ${run.window.week} call due ${run.window.dueAt}${run.dryRun ? ' (dry run: nothing sent)' : ''}${run.webhook ? '; the webhook gets the list' : ''}`,
  ];
  for (const r of run.reminders) {
    const via = r.channels.length ? `e-mail ${r.email}` : r.email ? 'no e-mail channel' : 'no e-mail address';
    lines.push(`  ${r.name.padEnd(28)} ${(r.teamName ?? '—').padEnd(24)} ${via}`);
  }
  for (const d of run.deliveries.filter((x) => x.status === 'failed')) {
    lines.push(`Failed: ${d.channel} to ${d.recipient}: ${d.lastError ?? 'unknown error'}`);
  }
  return `${lines.join('\n')}\n`;
}
