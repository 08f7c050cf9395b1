import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  Adapter,
  AdapterFactory,
  AdapterPayload,
  Configuration,
  JWK,
  default as ProviderClass,
} from 'oidc-provider';

/** A person at the identity provider; `accountId` is what they type into its login form. */
export type OidcTestAccount = {
  accountId: string;
  email: string | null;
  /** Omitted: the provider says nothing about verification (many corporate directories). */
  emailVerified?: boolean;
  name?: string;
};

export type OidcTestClient = {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /**
   * Put the e-mail claims into the ID token as well. By default they are only at the userinfo
   * endpoint, as a strictly conforming provider does when it also issues an access token.
   */
  claimsInIdToken?: boolean;
};

export type OidcTestProvider = {
  /** http://127.0.0.1:<port>, the issuer identifier. */
  issuer: string;
  /**
   * (Re)creates the provider with this one client: call once the app's callback URL is known.
   * The issuer and its signing key stay the same, so a client's cached discovery stays valid.
   */
  registerClient: (client: OidcTestClient) => Promise<void>;
  /** The path of every request the provider received, in order (e.g. '/me' for userinfo). */
  requestedPaths: string[];
  close: () => Promise<void>;
};

export type StartOidcProviderOptions = { accounts: OidcTestAccount[] };

/**
 * A real OpenID Connect provider (oidc-provider 9) on 127.0.0.1 with a random port, plain http.
 * Its login and consent pages are replaced by a tiny headless interaction API a test drives with
 * fetch: GET /interaction/:uid answers `{ prompt }` ('login' or 'consent'); POST /interaction/:uid
 * with a form `prompt=login&login=<accountId>`, `prompt=consent`, or `prompt=abort` (the person
 * cancels) answers 303 back into the provider's flow. Everything the provider would print (dev
 * keys, in-memory storage, default pages) is configured away, so the test output stays clean.
 */
export async function startOidcProvider(options: StartOidcProviderOptions): Promise<OidcTestProvider> {
  const Provider = await importQuietly();
  let provider: ProviderClass | null = null;
  let handleProvider: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const accounts = new Map(options.accounts.map((a) => [a.accountId, a]));
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const requestedPaths: string[] = [];

  const server = createServer((req, res) => {
    requestedPaths.push((req.url ?? '').split('?')[0] ?? '');
    if (!provider || !handleProvider) return answer(res, 503, { error: 'no client registered yet' });
    const interaction = /^\/interaction\/([\w-]+)$/.exec(req.url ?? '');
    if (interaction) {
      handleInteraction(provider, accounts, req, res).catch((error: unknown) =>
        answer(res, 500, { error: error instanceof Error ? error.message : String(error) }),
      );
      return;
    }
    handleProvider(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    registerClient: async (client) => {
      provider = new Provider(issuer, providerConfiguration(accounts, client, signingKey as JWK));
      handleProvider = provider.callback();
    },
    requestedPaths,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function providerConfiguration(
  accounts: Map<string, OidcTestAccount>,
  client: OidcTestClient,
  signingKey: JWK,
): Configuration {
  return {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: client.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'test-signing-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    adapter: createMemoryAdapter(),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: !client.claimsInIdToken,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          ...(account.email === null ? {} : { email: account.email }),
          ...(account.emailVerified === undefined ? {} : { email_verified: account.emailVerified }),
          ...(account.name === undefined ? {} : { name: account.name }),
        }),
      };
    },
    // Explicit values, so the provider does not print a notice about each default it falls back on.
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
      Grant: 600,
    },
    clientBasedCORS: () => false,
    renderError: (ctx, out) => {
      ctx.type = 'json';
      ctx.body = out;
    },
  };
}

async function handleInteraction(
  provider: ProviderClass,
  accounts: Map<string, OidcTestAccount>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'GET') return answer(res, 200, { uid: details.uid, prompt: details.prompt.name });
  const form = new URLSearchParams(await readBody(req));
  const prompt = form.get('prompt');
  if (prompt === 'abort') {
    const result = { error: 'access_denied', error_description: 'the person cancelled' };
    return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }
  if (prompt === 'login' && details.prompt.name === 'login') {
    const accountId = form.get('login') ?? '';
    if (!accounts.has(accountId)) return answer(res, 400, { error: `no account ${accountId}` });
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId } },
      { mergeWithLastSubmission: false },
    );
  }
  if (prompt === 'consent' && details.prompt.name === 'consent') {
    const grant = new provider.Grant({
      accountId: details.session?.accountId,
      clientId: String(details.params.client_id),
    });
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const grantId = await grant.save();
    return provider.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
  }
  answer(res, 400, { error: `unexpected ${prompt ?? 'nothing'} during ${details.prompt.name}` });
}

/** Storage for the provider's sessions, codes and grants, per provider instance. */
function createMemoryAdapter(): AdapterFactory {
  const store = new Map<string, AdapterPayload>();
  const sessionsByUid = new Map<string, string>();
  return (model: string): Adapter => {
    const key = (id: string) => `${model}:${id}`;
    return {
      upsert: async (id, payload) => {
        store.set(key(id), payload);
        if (model === 'Session' && payload.uid) sessionsByUid.set(payload.uid, id);
      },
      find: async (id) => store.get(key(id)),
      findByUid: async (uid) => {
        const id = sessionsByUid.get(uid);
        return id === undefined ? undefined : store.get(key(id));
      },
      findByUserCode: async () => undefined,
      consume: async (id) => {
        const payload = store.get(key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => {
        store.delete(key(id));
      },
      revokeByGrantId: async (grantId) => {
        for (const [k, payload] of store) if (payload.grantId === grantId) store.delete(k);
      },
    };
  };
}

/**
 * oidc-provider 9 prints a warning when imported on Node.js before 22 ("Unsupported runtime").
 * Candor runs on Node 20 and this suite is what shows the provider works there, so that one
 * warning is dropped during the import; anything else it prints still shows.
 */
async function importQuietly(): Promise<typeof ProviderClass> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes('oidc-provider WARNING: Unsupported runtime')) warn(...args);
  };
  try {
    return (await import('oidc-provider')).default;
  } finally {
    console.warn = warn;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
