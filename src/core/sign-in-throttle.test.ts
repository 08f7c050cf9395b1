import { describe, expect, it } from 'vitest';
import { decideSignInThrottle } from './sign-in-throttle.js';

const now = new Date('2026-05-01T12:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe('decideSignInThrottle', () => {
  it('allows attempts below both limits', () => {
    expect(
      decideSignInThrottle({
        accountFailures: 4,
        addressFailures: 19,
        oldestAccountFailure: minutesAgo(3),
        oldestAddressFailure: minutesAgo(3),
        now,
      }),
    ).toEqual({ allowed: true });
  });

  it('stops an account at five failures until the oldest leaves the 15-minute window', () => {
    expect(
      decideSignInThrottle({
        accountFailures: 5,
        addressFailures: 5,
        oldestAccountFailure: minutesAgo(3),
        oldestAddressFailure: minutesAgo(3),
        now,
      }),
    ).toEqual({
      allowed: false,
      limit: 'account',
      retryAfterSeconds: 720,
      message:
        'too many failed sign-ins for this account: try again in 12 minutes, or ask an admin to reset the password',
    });
  });

  it('stops an address at twenty failures, whatever the accounts', () => {
    const decision = decideSignInThrottle({
      accountFailures: 0,
      addressFailures: 20,
      oldestAccountFailure: null,
      oldestAddressFailure: minutesAgo(14.5),
      now,
    });
    expect(decision).toEqual({
      allowed: false,
      limit: 'address',
      retryAfterSeconds: 30,
      message: 'too many failed sign-ins from this address: try again in 1 minute',
    });
  });
});
