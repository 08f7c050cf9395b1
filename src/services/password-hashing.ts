import { hash, verify } from '@node-rs/argon2';
import { DomainError } from '../core/domain-error.js';

/**
 * argon2id with the library's defaults (m = 19 MiB, t = 2, p = 1: OWASP's first recommendation),
 * about 9 ms a hash on these machines. The PHC string carries its own parameters, so raising them
 * later does not break stored hashes.
 */
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash is a failed sign-in, not a crash
  }
}

/**
 * A real hash of a random password, checked when the e-mail is unknown, so that an unknown address
 * takes as long to refuse as a wrong password and the timing does not tell which addresses exist.
 */
export const decoyHashPromise: Promise<string> = hash(`decoy-${Math.random()}`);

export const minPasswordLength = 10;

/** Hashes a password someone is choosing now, refusing one shorter than `minPasswordLength`. */
export async function hashNewPassword(password: string): Promise<string> {
  if (password.length < minPasswordLength) {
    throw new DomainError('invalid-input', `a password needs at least ${minPasswordLength} characters`, [
      { where: 'password', reason: `shorter than ${minPasswordLength} characters` },
    ]);
  }
  return hashPassword(password);
}
