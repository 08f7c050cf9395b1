import { randomUUID } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import type { Digest } from '../../core/digest/digest.js';
import { renderDigestHtml, renderDigestText } from '../../core/digest/render-digest.js';
import { insertDigestDelivery, type DigestDelivery } from '../../store/digest-deliveries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { composeDigests } from './compose-digests.js';
import { deliverWebhook, type WebhookChannel } from './deliver-webhook.js';

export type DigestChannels = {
  email: { transport: Pick<Transporter, 'sendMail'>; from: string } | null;
  webhook: WebhookChannel | null;
};

export type DigestRun = {
  runId: string;
  asOf: string;
  dryRun: boolean;
  digests: (Digest & { channels: ('email' | 'webhook')[] })[];
  deliveries: Omit<DigestDelivery, 'createdAt' | 'finishedAt'>[];
};

/**
 * Composes the week's digests and, unless `dryRun`, sends each by e-mail (to recipients with an
 * address) and to the webhook, logging every delivery with its attempts and last error. A failed
 * delivery does not stop the others; the run says which failed.
 */
export async function sendDigests(
  handle: DatabaseHandle,
  options: { asOf: Date; channels: DigestChannels; dryRun: boolean; clock: () => Date },
): Promise<DigestRun> {
  const digests = await withConnection(handle, (conn) => composeDigests(conn, { asOf: options.asOf }));
  const runId = randomUUID();
  const planned = digests.map((digest) => ({
    ...digest,
    channels: [
      ...(options.channels.email && digest.email ? (['email'] as const) : []),
      ...(options.channels.webhook ? (['webhook'] as const) : []),
    ],
  }));
  const run: DigestRun = {
    runId,
    asOf: options.asOf.toISOString(),
    dryRun: options.dryRun,
    digests: planned,
    deliveries: [],
  };
  if (options.dryRun) return run;
  for (const digest of planned) {
    for (const channel of digest.channels) {
      const createdAt = options.clock();
      const outcome =
        channel === 'email'
          ? await sendEmail(options.channels, digest)
          : await deliverWebhook(
              options.channels.webhook as WebhookChannel,
              JSON.stringify({ type: 'candor.hygiene-digest', runId, digest: withoutChannels(digest) }),
            );
      const delivery: DigestDelivery = {
        id: randomUUID(),
        runId,
        channel,
        recipient: channel === 'email' ? (digest.email ?? '') : (options.channels.webhook?.url ?? ''),
        audience: digest.audience,
        subject: digest.subject,
        status: outcome.ok ? 'sent' : 'failed',
        attempts: outcome.attempts,
        lastError: outcome.lastError,
        createdAt,
        finishedAt: options.clock(),
      };
      await withConnection(handle, (conn) => insertDigestDelivery(conn, delivery));
      const { createdAt: _c, finishedAt: _f, ...logged } = delivery;
      run.deliveries.push(logged);
    }
  }
  return run;
}

async function sendEmail(channels: DigestChannels, digest: Digest) {
  try {
    await channels.email?.transport.sendMail({
      from: channels.email.from,
      to: digest.email ?? '',
      subject: digest.subject,
      text: renderDigestText(digest),
      html: renderDigestHtml(digest),
    });
    return { ok: true, attempts: 1, lastError: null };
  } catch (error) {
    return { ok: false, attempts: 1, lastError: error instanceof Error ? error.message : String(error) };
  }
}

function withoutChannels(digest: Digest & { channels: unknown }): Digest {
  const { channels: _channels, ...rest } = digest;
  return rest;
}
