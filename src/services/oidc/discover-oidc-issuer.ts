import {
  allowInsecureRequests,
  ClientSecretBasic,
  discovery,
  type Configuration,
  type DiscoveryRequestOptions,
} from 'openid-client';

/** The identity provider Candor trusts, and Candor's registration there. */
export type OidcSettings = {
  /** The issuer identifier, e.g. https://login.example.com/realms/sales. */
  issuer: string;
  clientId: string;
  clientSecret: string;
};

/**
 * Discovered provider configurations, per issuer and client. One cache belongs to one app
 * instance (created where the routes are registered), never to the module, so two apps in one
 * process (tests, or one per tenant) never share a provider by accident.
 */
export type OidcDiscoveryCache = Map<string, Promise<Configuration>>;

export function createOidcDiscoveryCache(): OidcDiscoveryCache {
  return new Map();
}

/** Fetching the discovery document must not hold a sign-in for long when the provider is down. */
const discoveryTimeoutSeconds = 10;

/**
 * The provider's configuration (endpoints, keys), fetched from its
 * `/.well-known/openid-configuration` once and then reused: metadata rarely changes, and
 * openid-client refetches the signing keys itself when it meets a key it does not know. A failed
 * discovery is not cached, so the next sign-in tries again.
 */
export function discoverOidcIssuer(
  cache: OidcDiscoveryCache,
  settings: OidcSettings,
): Promise<Configuration> {
  const key = `${settings.issuer}\n${settings.clientId}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const pending = runDiscovery(settings);
  cache.set(key, pending);
  pending.catch(() => {
    if (cache.get(key) === pending) cache.delete(key);
  });
  return pending;
}

async function runDiscovery(settings: OidcSettings): Promise<Configuration> {
  const issuer = new URL(settings.issuer);
  const options: DiscoveryRequestOptions = { timeout: discoveryTimeoutSeconds };
  if (issuer.protocol === 'http:') {
    if (!isLoopbackHost(issuer.hostname)) {
      throw new Error(`the OIDC issuer ${settings.issuer} must use https (plain http only on this machine)`);
    }
    // Plain http is allowed for an issuer on this machine's loopback only (a provider started by
    // the tests, or one run locally for development): nothing on the network can read or alter that
    // traffic. Every other issuer must be https, which openid-client enforces by default.
    options.execute = [allowInsecureRequests];
  }
  return discovery(issuer, settings.clientId, undefined, ClientSecretBasic(settings.clientSecret), options);
}

/** Loopback names only: 127.0.0.1, ::1 (as URL.hostname writes it, in brackets) and localhost. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === '[::1]' || hostname === 'localhost';
}
