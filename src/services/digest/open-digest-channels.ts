import nodemailer from 'nodemailer';
import { DomainError } from '../../core/domain-error.js';
import type { DigestChannels } from './send-digests.js';

export type DigestChannelSettings = {
  smtpUrl?: string | undefined;
  from: string;
  webhookUrl?: string | undefined;
  webhookSecret?: string | undefined;
  clock: () => Date;
};

/**
 * The channels the settings configure: e-mail over SMTP (nodemailer), and the signed webhook with
 * four retries backing off from 0.5 s to 8 s. A webhook without its secret is refused: an unsigned
 * digest could be forged by anyone who learns the address.
 */
export function openDigestChannels(settings: DigestChannelSettings): DigestChannels {
  if (settings.webhookUrl && !settings.webhookSecret) {
    throw new DomainError('invalid-input', 'DIGEST_WEBHOOK_URL is set without DIGEST_WEBHOOK_SECRET', [
      {
        where: 'DIGEST_WEBHOOK_SECRET',
        reason: 'webhook digests are signed: set a secret of 16 characters or more',
      },
    ]);
  }
  return {
    email: settings.smtpUrl
      ? { transport: nodemailer.createTransport(settings.smtpUrl), from: settings.from }
      : null,
    webhook:
      settings.webhookUrl && settings.webhookSecret
        ? {
            url: settings.webhookUrl,
            secret: settings.webhookSecret,
            retries: 4,
            backoffBaseMs: 500,
            backoffMaxMs: 8000,
            sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
            clock: settings.clock,
          }
        : null,
  };
}

/**
 * The configured channels for a run that sends `what` (digests, reminders). A real run with no
 * channel at all is refused rather than answered "sent 0": the person asking would otherwise
 * believe the team had been told. A dry run needs no channel; it says which would reach each person.
 */
export function openChannelsToSend(
  settings: DigestChannelSettings,
  options: { dryRun: boolean; what: string },
): DigestChannels {
  const channels = openDigestChannels(settings);
  if (!options.dryRun && !channels.email && !channels.webhook) {
    throw new DomainError(
      'invalid-input',
      `no ${options.what} channel is configured, so nothing can be sent`,
      [
        {
          where: 'SMTP_URL / DIGEST_WEBHOOK_URL',
          reason: `set one or both, or ask for a dry run to see the ${options.what}s`,
        },
      ],
    );
  }
  return channels;
}
