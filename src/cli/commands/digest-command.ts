import type { Command } from 'commander';
import { sendConfiguredDigests } from '../../services/digest/send-configured-digests.js';
import type { DigestRun } from '../../services/digest/send-digests.js';
import { parseInstant } from '../parse-instant.js';
import {
  printJson,
  withCommonOptions,
  withDatabase,
  type CliContext,
  type CommonOptions,
} from '../cli-context.js';

type DigestOptions = CommonOptions & { asOf?: string; dryRun?: boolean };

export function registerDigestCommand(program: Command, context: CliContext): void {
  withCommonOptions(
    program
      .command('digest')
      .description(
        'the weekly hygiene digests: each owner’s flags, each manager’s team (SMTP_URL, DIGEST_WEBHOOK_URL)',
      )
      .option('--as-of <instant>', 'the moment the digests describe (default: now)')
      .option('--dry-run', 'show what would be sent, to whom and how, and send nothing'),
  ).action(async (options: DigestOptions) => {
    const asOf = options.asOf === undefined ? context.clock() : parseInstant(options.asOf, '--as-of');
    const { config } = context;
    const run = await withDatabase(context, options, (handle) =>
      sendConfiguredDigests(handle, {
        asOf,
        dryRun: options.dryRun ?? false,
        settings: {
          smtpUrl: config.smtpUrl,
          from: config.digestFrom,
          webhookUrl: config.digestWebhookUrl,
          webhookSecret: config.digestWebhookSecret,
        },
        clock: context.clock,
      }),
    );
    if (options.json) printJson(context, run);
    else context.io.stdout(formatRun(run));
    if (run.deliveries.some((d) => d.status === 'failed')) context.setExitCode(1);
  });
}

function formatRun(run: DigestRun): string {
  const lines = [
    `${run.dryRun ? 'Would send' : 'Sent'} ${run.digests.length} digest(s) as of ${run.asOf}${run.dryRun ? ' (dry run: nothing sent)' : ''}`,
    '',
  ];
  for (const digest of run.digests) {
    const via = digest.channels.length ? digest.channels.join(' + ') : 'no channel';
    lines.push(
      `  ${digest.audience.padEnd(7)} ${digest.recipientName} <${digest.email ?? 'no e-mail'}> via ${via}: ${digest.subject}`,
    );
  }
  for (const delivery of run.deliveries.filter((d) => d.status === 'failed')) {
    lines.push(
      `  FAILED ${delivery.channel} to ${delivery.recipient} after ${delivery.attempts} attempt(s): ${delivery.lastError ?? ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
