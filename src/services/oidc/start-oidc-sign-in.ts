import {
  buildAuthorizationUrl,
  calculatePKCECodeChallenge,
  randomNonce,
  randomPKCECodeVerifier,
  randomState,
  type Configuration,
} from 'openid-client';
import { deleteOidcLoginsBefore, insertOidcLogin } from '../../store/oidc-login-queries.js';
import { withTransaction, type DatabaseHandle } from '../../store/session.js';
import { discoverOidcIssuer, type OidcDiscoveryCache, type OidcSettings } from './discover-oidc-issuer.js';
import { describeError } from './describe-error.js';
import { parseReturnTo } from './parse-return-to.js';

/** How long a sign-in may stay at the provider before its state is refused as expired. */
export const oidcLoginLifetimeMinutes = 10;

export type StartOidcSignInOptions = {
  settings: OidcSettings;
  discovery: OidcDiscoveryCache;
  /** The callback URL registered at the provider, e.g. https://candor.example.com/api/auth/oidc/callback. */
  redirectUri: string;
  /** Where to go after signing in, as asked; anything not a path on this site becomes '/'. */
  returnTo: string | undefined;
  now: Date;
};

export type StartedOidcSignIn =
  | { outcome: 'redirect'; authorizationUrl: string; state: string }
  | { outcome: 'refused'; reason: 'provider-unavailable'; detail: string };

/**
 * Begins a sign-in at the identity provider (authorization code flow with PKCE): makes a state, a
 * nonce and a code verifier, keeps them in the database (so the provider's answer may reach any
 * app server), and returns the provider's URL to send the browser to. The state goes to the
 * browser too (a cookie, set by the route), so the callback can tell it is the same browser.
 */
export async function startOidcSignIn(
  handle: DatabaseHandle,
  options: StartOidcSignInOptions,
): Promise<StartedOidcSignIn> {
  let config: Configuration;
  try {
    config = await discoverOidcIssuer(options.discovery, options.settings);
  } catch (error) {
    return { outcome: 'refused', reason: 'provider-unavailable', detail: describeError(error) };
  }
  const state = randomState();
  const nonce = randomNonce();
  const codeVerifier = randomPKCECodeVerifier();
  const codeChallenge = await calculatePKCECodeChallenge(codeVerifier);
  await withTransaction(handle, async (conn) => {
    const expiredBefore = new Date(options.now.getTime() - oidcLoginLifetimeMinutes * 60_000);
    await deleteOidcLoginsBefore(conn, expiredBefore);
    await insertOidcLogin(conn, {
      state,
      nonce,
      codeVerifier,
      returnTo: parseReturnTo(options.returnTo),
      createdAt: options.now,
    });
  });
  const url = buildAuthorizationUrl(config, {
    redirect_uri: options.redirectUri,
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: codeChallenge,
    code_challenge_method: 'S256',
  });
  return { outcome: 'redirect', authorizationUrl: url.href, state };
}
