import { timingSafeEqual } from 'node:crypto';
import { authorizationCodeGrant, type Configuration } from 'openid-client';
import { findSignInCandidates } from '../../store/credential-queries.js';
import { takeOidcLogin, type OidcLogin } from '../../store/oidc-login-queries.js';
import { withTransaction, type DatabaseHandle } from '../../store/session.js';
import { recordSignInAttempt } from '../../store/sign-in-attempt-queries.js';
import { createSession, type CreatedSession } from '../create-session.js';
import { describeError } from './describe-error.js';
import { discoverOidcIssuer, type OidcDiscoveryCache, type OidcSettings } from './discover-oidc-issuer.js';
import { readOidcEmail } from './read-oidc-email.js';
import { oidcLoginLifetimeMinutes } from './start-oidc-sign-in.js';

/**
 * Why a sign-in through the provider was refused: the short code the sign-in page shows
 * (/sign-in?error=<code>); docs/sso.md explains each.
 */
export const oidcRefusalReasons = [
  'provider-error',
  'invalid-state',
  'wrong-browser',
  'expired',
  'provider-unavailable',
  'exchange-failed',
  'no-email',
  'email-unverified',
  'no-account',
  'ambiguous-account',
  'inactive-account',
] as const;
export type OidcRefusalReason = (typeof oidcRefusalReasons)[number];

export type FinishOidcSignInOptions = {
  settings: OidcSettings;
  discovery: OidcDiscoveryCache;
  /** The same callback URL that was sent to the provider when the sign-in started. */
  redirectUri: string;
  /** The callback's query string as the provider sent it, without the '?'. */
  query: string;
  /** The state held by the browser that started the sign-in (its cookie), or null. */
  browserState: string | null;
  now: Date;
  address: string;
  userAgent: string | null;
};

export type FinishedOidcSignIn =
  | { outcome: 'signed-in'; userId: string; session: CreatedSession; returnTo: string }
  | { outcome: 'refused'; reason: OidcRefusalReason; detail: string };

/**
 * Completes a sign-in when the provider sends the browser back: checks the state is one we issued
 * to this browser, in the last ten minutes, and unused (its row is deleted as it is read, so a
 * replayed callback finds nothing); exchanges the code with the PKCE verifier, openid-client
 * checking the ID token's signature, issuer, audience and nonce; then starts a session for the one
 * active person whose e-mail matches the provider's, without regard to case. Every refusal is a
 * value with a short reason for the browser and a detail for the log; none carries a token.
 */
export async function finishOidcSignIn(
  handle: DatabaseHandle,
  options: FinishOidcSignInOptions,
): Promise<FinishedOidcSignIn> {
  const params = new URLSearchParams(options.query);
  const state = params.get('state');
  if (state === null || state.length === 0) return refuse('invalid-state', 'the callback carries no state');
  if (!sameState(state, options.browserState)) {
    return refuse('wrong-browser', 'the state is not the one this browser was given when it started');
  }
  const login = await withTransaction(handle, (conn) => takeOidcLogin(conn, state));
  const providerError = params.get('error');
  if (providerError !== null) {
    const description = params.get('error_description');
    return refuse(
      'provider-error',
      `the provider answered ${providerError}${description ? `: ${description}` : ''}`,
    );
  }
  if (!login) return refuse('invalid-state', 'the state is unknown or was already used');
  const ageMs = options.now.getTime() - login.createdAt.getTime();
  if (ageMs > oidcLoginLifetimeMinutes * 60_000) {
    return refuse('expired', `the sign-in started ${Math.round(ageMs / 60_000)} minutes ago`);
  }

  let config: Configuration;
  try {
    config = await discoverOidcIssuer(options.discovery, options.settings);
  } catch (error) {
    return refuse('provider-unavailable', describeError(error));
  }
  const identity = await exchangeCode(config, options, login);
  if (!identity.found) return identity.refusal;
  return signInPerson(handle, options, login, identity.email);
}

type Identity = { found: true; email: string } | { found: false; refusal: FinishedOidcSignIn };

async function exchangeCode(
  config: Configuration,
  options: FinishOidcSignInOptions,
  login: OidcLogin,
): Promise<Identity> {
  try {
    const callbackUrl = new URL(options.redirectUri);
    callbackUrl.search = options.query;
    const tokens = await authorizationCodeGrant(config, callbackUrl, {
      expectedState: login.state,
      expectedNonce: login.nonce,
      pkceCodeVerifier: login.codeVerifier,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken)
      return { found: false, refusal: refuse('exchange-failed', 'the provider sent no ID token') };
    const email = await readOidcEmail(config, tokens, idToken);
    return email.found ? email : { found: false, refusal: refuse(email.reason, email.detail) };
  } catch (error) {
    return { found: false, refusal: refuse('exchange-failed', describeError(error)) };
  }
}

async function signInPerson(
  handle: DatabaseHandle,
  options: FinishOidcSignInOptions,
  login: OidcLogin,
  email: string,
): Promise<FinishedOidcSignIn> {
  return withTransaction(handle, async (conn) => {
    const candidates = await findSignInCandidates(conn, email);
    if (candidates.length === 0) return refuse('no-account', `nobody in Candor has the e-mail ${email}`);
    // A deactivated duplicate (an old record brought by an import) does not stand in the way.
    const active = candidates.filter((c) => c.active);
    const person = active[0];
    if (!person) return refuse('inactive-account', `the person with the e-mail ${email} is not active`);
    if (active.length > 1) {
      // Guessing between two records could open one person's deals to another: refuse instead.
      return refuse('ambiguous-account', `${active.length} active people in Candor have the e-mail ${email}`);
    }
    const session = await createSession(conn, {
      userId: person.userId,
      method: 'oidc',
      now: options.now,
      address: options.address,
      userAgent: options.userAgent,
    });
    // A success clears the password throttle's slate for this account, as a password sign-in does.
    await recordSignInAttempt(conn, {
      accountKey: email.toLowerCase(),
      address: options.address,
      attemptedAt: options.now,
      succeeded: true,
    });
    return { outcome: 'signed-in' as const, userId: person.userId, session, returnTo: login.returnTo };
  });
}

function sameState(state: string, browserState: string | null): boolean {
  if (browserState === null) return false;
  const a = Buffer.from(state);
  const b = Buffer.from(browserState);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(reason: OidcRefusalReason, detail: string): FinishedOidcSignIn {
  return { outcome: 'refused', reason, detail: detail.slice(0, 500) };
}
