/**
 * Limits on failed sign-ins, counted over a sliding window: per account, so one person's password
 * cannot be guessed slowly from many addresses, and per address, so one machine cannot try many
 * accounts. A success clears the account's count.
 */
export const signInLimits = {
  windowMinutes: 15,
  failuresPerAccount: 5,
  failuresPerAddress: 20,
} as const;

export type ThrottleInput = {
  accountFailures: number;
  addressFailures: number;
  /** The oldest failure still inside the window for whichever limit was hit. */
  oldestAccountFailure: Date | null;
  oldestAddressFailure: Date | null;
  now: Date;
};

export type ThrottleDecision =
  | { allowed: true }
  | { allowed: false; limit: 'account' | 'address'; retryAfterSeconds: number; message: string };

/** Decides whether another sign-in attempt may be tried now. */
export function decideSignInThrottle(input: ThrottleInput): ThrottleDecision {
  const windowMs = signInLimits.windowMinutes * 60_000;
  const retryAfter = (oldest: Date | null) =>
    Math.max(
      1,
      Math.ceil(((oldest?.getTime() ?? input.now.getTime()) + windowMs - input.now.getTime()) / 1000),
    );
  if (input.accountFailures >= signInLimits.failuresPerAccount) {
    const seconds = retryAfter(input.oldestAccountFailure);
    return {
      allowed: false,
      limit: 'account',
      retryAfterSeconds: seconds,
      message: `too many failed sign-ins for this account: try again in ${minutesText(seconds)}, or ask an admin to reset the password`,
    };
  }
  if (input.addressFailures >= signInLimits.failuresPerAddress) {
    const seconds = retryAfter(input.oldestAddressFailure);
    return {
      allowed: false,
      limit: 'address',
      retryAfterSeconds: seconds,
      message: `too many failed sign-ins from this address: try again in ${minutesText(seconds)}`,
    };
  }
  return { allowed: true };
}

function minutesText(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
