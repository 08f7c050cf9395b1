import { fetchUserInfo, type Configuration, type IDToken, type TokenEndpointResponse } from 'openid-client';

export type OidcEmail =
  { found: true; email: string } | { found: false; reason: 'no-email' | 'email-unverified'; detail: string };

/**
 * The person's e-mail address as the provider vouches for it. Providers differ in where they put
 * it: many in the ID token, some (and strictly conforming ones, when an access token is issued)
 * only at the userinfo endpoint, which is then asked with the ID token's subject checked. An
 * address the provider marks `email_verified: false` is refused: anyone can type an address into
 * a self-service profile, and Candor matches people by it. A provider that says nothing about
 * verification is trusted, as most corporate directories do not.
 */
export async function readOidcEmail(
  config: Configuration,
  tokens: Pick<TokenEndpointResponse, 'access_token'>,
  idToken: IDToken,
): Promise<OidcEmail> {
  let claims: Readonly<Record<string, unknown>> = idToken;
  if (typeof claims.email !== 'string' && config.serverMetadata().userinfo_endpoint !== undefined) {
    claims = await fetchUserInfo(config, tokens.access_token, idToken.sub);
  }
  const email = typeof claims.email === 'string' ? claims.email.trim() : '';
  if (email.length === 0) {
    return {
      found: false,
      reason: 'no-email',
      detail: 'the provider sent no e-mail claim (is the email scope allowed?)',
    };
  }
  if (claims.email_verified === false || claims.email_verified === 'false') {
    return { found: false, reason: 'email-unverified', detail: `the provider has not verified ${email}` };
  }
  return { found: true, email };
}
