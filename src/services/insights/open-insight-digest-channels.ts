import nodemailer from 'nodemailer';
import type { InsightDigestChannels } from './send-insight-digests.js';

/**
 * The delivery channels of the customer-voice digest: e-mail over the configured SMTP server (none
 * without one), and webhooks retried four times backing off from 0.5 s to 8 s.
 */
export function openInsightDigestChannels(settings: {
  smtpUrl?: string | undefined;
  from: string;
  clock: () => Date;
}): InsightDigestChannels {
  return {
    email: settings.smtpUrl
      ? { transport: nodemailer.createTransport(settings.smtpUrl), from: settings.from }
      : null,
    webhook: {
      retries: 4,
      backoffBaseMs: 500,
      backoffMaxMs: 8000,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    },
    clock: settings.clock,
  };
}
