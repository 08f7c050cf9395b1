import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header that carries a digest webhook's timestamp and signature. */
export const signatureHeader = 'x-candor-signature';

/**
 * Signs a webhook body: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. The
 * timestamp is inside the signed text, so a receiver that also checks it is recent refuses replays
 * of an old delivery (docs/hygiene.md shows how to verify).
 */
export function signWebhook(body: string, secret: string, timestampSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${mac}`;
}

/** Checks a signature header against a body, in constant time; false for anything malformed. */
export function verifyWebhookSignature(body: string, header: string, secret: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = signWebhook(body, secret, Number(match[1])).split('v1=')[1] ?? '';
  return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(match[2] ?? '', 'hex'));
}

/**
 * Waits before retry `attempt` (1 = the first retry): base × 2^(attempt−1), so 0.5 s, 1 s, 2 s, …
 * for a base of 0.5 s; capped at `maxMs`.
 */
export function computeBackoffMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
