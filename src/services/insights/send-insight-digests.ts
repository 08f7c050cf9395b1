import type { Transporter } from 'nodemailer';
import { everything } from '../../core/access-scope.js';
import { renderDigestCsv, renderDigestMarkdown, type Digest } from '../../core/insights/render-digest.js';
import { listDigestSubscriptions, listWebhookSecrets } from '../../store/insight-subscriptions.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { deliverWebhook } from '../digest/deliver-webhook.js';
import { buildDigest } from './build-digest.js';

export type InsightDigestChannels = {
  email: { transport: Pick<Transporter, 'sendMail'>; from: string } | null;
  /** Retries and waiting for webhooks (tests make them instant). */
  webhook: {
    retries: number;
    backoffBaseMs: number;
    backoffMaxMs: number;
    sleep: (ms: number) => Promise<void>;
    fetch?: typeof fetch;
  };
  clock: () => Date;
};

export type DigestDeliveryResult = {
  subscriptionId: string;
  channel: 'email' | 'webhook';
  recipient: string;
  ok: boolean;
  attempts: number;
  error: string | null;
};

/**
 * Sends the period's customer-voice digest to every active subscription: per subscription one
 * digest of its insight types, over the whole company, one section per chosen segment (all segments
 * when none is chosen). E-mail carries the Markdown as text and the CSV attached; the webhook posts
 * JSON with both, signed HMAC-SHA256 with the subscription's own secret (the hygiene digests'
 * delivery, src/services/digest/deliver-webhook.ts, with its retries).
 */
export async function sendInsightDigests(
  handle: DatabaseHandle,
  options: { period: string; channels: InsightDigestChannels },
): Promise<DigestDeliveryResult[]> {
  const { subscriptions, secrets } = await withConnection(handle, async (conn) => ({
    subscriptions: (await listDigestSubscriptions(conn)).filter((s) => s.active),
    secrets: await listWebhookSecrets(conn),
  }));
  const results: DigestDeliveryResult[] = [];
  for (const subscription of subscriptions) {
    const segments = subscription.segments.length > 0 ? subscription.segments : [null];
    const digests: Digest[] = [];
    for (const segment of segments) {
      digests.push(
        await buildDigest(handle, {
          title: `Customer voice ${options.period} for ${subscription.name}${segment ? ` · ${segment}` : ''}`,
          period: options.period,
          scope: everything,
          segment,
          types: subscription.types,
        }),
      );
    }
    const markdown = digests.map(renderDigestMarkdown).join('\n');
    const csv = digests
      .map((d, i) => (i === 0 ? renderDigestCsv(d) : renderDigestCsv(d).split('\r\n').slice(1).join('\r\n')))
      .join('');
    const subject = `Customer voice ${options.period}: ${digests.reduce((n, d) => n + d.insights.length, 0)} insights for ${subscription.name}`;
    if (subscription.email && options.channels.email) {
      try {
        await options.channels.email.transport.sendMail({
          from: options.channels.email.from,
          to: subscription.email,
          subject,
          text: markdown,
          attachments: [
            { filename: `customer-voice-${options.period}.csv`, content: csv, contentType: 'text/csv' },
          ],
        });
        results.push({
          subscriptionId: subscription.id,
          channel: 'email',
          recipient: subscription.email,
          ok: true,
          attempts: 1,
          error: null,
        });
      } catch (error) {
        results.push({
          subscriptionId: subscription.id,
          channel: 'email',
          recipient: subscription.email,
          ok: false,
          attempts: 1,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    const secret = secrets.get(subscription.id);
    if (subscription.webhookUrl && secret) {
      const body = JSON.stringify({
        kind: 'candor.insights.digest',
        subscription: { id: subscription.id, name: subscription.name, audience: subscription.audience },
        period: options.period,
        subject,
        markdown,
        csv,
      });
      const outcome = await deliverWebhook(
        { ...options.channels.webhook, url: subscription.webhookUrl, secret, clock: options.channels.clock },
        body,
      );
      results.push({
        subscriptionId: subscription.id,
        channel: 'webhook',
        recipient: subscription.webhookUrl,
        ok: outcome.ok,
        attempts: outcome.attempts,
        error: outcome.lastError,
      });
    }
  }
  return results;
}
