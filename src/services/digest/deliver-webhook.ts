import { computeBackoffMs, signatureHeader, signWebhook } from '../../core/digest/sign-webhook.js';

export type WebhookChannel = {
  url: string;
  secret: string;
  /** Retries after the first attempt, for network errors, 429 and 5xx answers. */
  retries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  sleep: (ms: number) => Promise<void>;
  clock: () => Date;
  fetch?: typeof fetch;
};

export type DeliveryOutcome = { ok: boolean; attempts: number; lastError: string | null };

/**
 * POSTs one JSON body, signed (see signWebhook), retrying with exponential backoff when the receiver
 * is unreachable or answers 429 or 5xx; any other answer than 2xx fails at once (retrying a 400
 * cannot help). Each attempt is signed afresh with its own timestamp.
 */
export async function deliverWebhook(channel: WebhookChannel, body: string): Promise<DeliveryOutcome> {
  const send = channel.fetch ?? fetch;
  let lastError: string | null = null;
  for (let attempt = 1; attempt <= channel.retries + 1; attempt += 1) {
    if (attempt > 1)
      await channel.sleep(computeBackoffMs(attempt - 1, channel.backoffBaseMs, channel.backoffMaxMs));
    try {
      const response = await send(channel.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [signatureHeader]: signWebhook(body, channel.secret, Math.floor(channel.clock().getTime() / 1000)),
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (response.ok) return { ok: true, attempts: attempt, lastError: null };
      lastError = `the receiver answered ${response.status}`;
      if (response.status !== 429 && response.status < 500)
        return { ok: false, attempts: attempt, lastError };
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
  }
  return { ok: false, attempts: channel.retries + 1, lastError };
}
