import { describe, expect, it } from 'vitest';
import { computeBackoffMs, signWebhook, verifyWebhookSignature } from './sign-webhook.js';

describe('webhook signatures', () => {
  it('signs the timestamp and body with HMAC-SHA256, as a receiver recomputes it', () => {
    // echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'a-secret-of-16-chars'
    expect(signWebhook('{"a":1}', 'a-secret-of-16-chars', 1_700_000_000)).toBe(
      't=1700000000,v1=966dfd9e7287134bae9078b9ca8cad81556798be645cd07bef60884b917d8d01',
    );
    const header = signWebhook('{"a":1}', 'a-secret-of-16-chars', 1_700_000_000);
    expect(verifyWebhookSignature('{"a":1}', header, 'a-secret-of-16-chars')).toBe(true);
    expect(verifyWebhookSignature('{"a":2}', header, 'a-secret-of-16-chars')).toBe(false);
    expect(verifyWebhookSignature('{"a":1}', header, 'another-secret-16ch')).toBe(false);
    expect(verifyWebhookSignature('{"a":1}', 'v1=abc', 'a-secret-of-16-chars')).toBe(false);
  });

  it('backs off exponentially up to a cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => computeBackoffMs(n, 500, 4000))).toEqual([500, 1000, 2000, 4000, 4000]);
  });
});
