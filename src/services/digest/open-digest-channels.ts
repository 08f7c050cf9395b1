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
