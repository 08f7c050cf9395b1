import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { withConnection, withTransaction } from '../../src/db/connection.js';
import { createApp } from '../../src/server/create-app.js';
import { appendEvents } from '../../src/store/append-events.js';
import { startOidcProvider, type OidcTestProvider } from '../helpers/oidc-provider.js';
import { event, userCreated } from '../helpers/sample-events.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { createTestApp, loadServerHistory } from './server-history.js';

const clientId = 'candor-test';
const clientSecret = 'a-client-secret-only-the-test-knows';
const startedAt = new Date('2026-05-01T12:00:00Z');

/** A browser without a UI: follows no redirect by itself and keeps cookies per origin. */
class TestBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  async get(url: string): Promise<Response> {
    return this.send(url, { method: 'GET' });
  }

  async postForm(url: string, form: Record<string, string>): Promise<Response> {
    return this.send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(new URL(origin).origin)?.get(name);
  }

  setCookie(origin: string, name: string, value: string): void {
    this.jar(origin).set(name, value);
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    const jar = this.jar(url);
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const removed = value === '' || attributes.some((a) => /^max-age=0$/i.test(a));
      if (removed) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }

  private jar(url: string): Map<string, string> {
    const origin = new URL(url).origin;
    let jar = this.jars.get(origin);
    if (!jar) this.jars.set(origin, (jar = new Map()));
    return jar;
  }
}

describeEachEngine('single sign-on through OpenID Connect', (engine) => {
  let database: TestDatabase;
  let idp: OidcTestProvider;
  let app: FastifyInstance;
  let appUrl = '';
  let now = startedAt;
  const logLines: string[] = [];
  /** The provider's interaction prompts the browser answered, in order. */
  const promptsSeen: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await loadServerHistory(database);
    await addAwkwardPeople(database);
    idp = await startOidcProvider({
      accounts: [
        // Ana's directory writes her address in capitals: Candor matches without regard to case.
        { accountId: 'ana', email: 'ANA@Server.Test', emailVerified: true, name: 'Ana Alvarez' },
        { accountId: 'ben', email: 'ben@server.test' },
        { accountId: 'zed', email: 'zed@elsewhere.test', emailVerified: true },
        { accountId: 'impostor', email: 'cleo@server.test', emailVerified: false },
        { accountId: 'twin', email: 'twin@server.test', emailVerified: true },
        { accountId: 'gone', email: 'gone@server.test', emailVerified: true },
        { accountId: 'nomail', email: null },
        { accountId: 'dora', email: 'dora@server.test' },
      ],
    });
    app = await createApp({
      db: database,
      config: loadConfig({
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: clientId,
        OIDC_CLIENT_SECRET: clientSecret,
        OIDC_LABEL: 'Sign in with Test IdP',
      }),
      clock: () => now,
      logger: { level: 'info', stream: logInto(logLines) },
    });
    // The provider sends a real browser back here, so the app listens (on a random port).
    appUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    await idp.registerClient({ clientId, clientSecret, redirectUris: [`${appUrl}/api/auth/oidc/callback`] });
  });

  afterEach(async () => {
    now = startedAt;
    logLines.length = 0;
    idp.requestedPaths.length = 0;
    promptsSeen.length = 0;
  });

  afterAll(async () => {
    await app?.close();
    await idp?.close();
    await database?.close();
  });

  /** GETs the app's start route and returns the provider URL it redirects to. */
  async function begin(browser: TestBrowser, returnTo = '/pipeline'): Promise<string> {
    const start = await browser.get(startUrl(returnTo));
    expect(start.status).toBe(302);
    return start.headers.get('location') ?? '';
  }

  /**
   * Signs in at the provider as `accountId` (login form, then consent), or cancels there, and
   * returns the URL the provider sends the browser back to, without following it.
   */
  async function throughProvider(
    browser: TestBrowser,
    authorizationUrl: string,
    accountId: string,
    options: { cancel?: boolean } = {},
  ): Promise<string> {
    let location = authorizationUrl;
    expect(location.startsWith(`${idp.issuer}/`)).toBe(true);
    for (let step = 0; step < 12; step += 1) {
      if (location.startsWith(`${appUrl}/api/auth/oidc/callback`)) return location;
      const response = await browser.get(location);
      if (response.status === 200) {
        const { prompt } = (await response.json()) as { prompt: string };
        promptsSeen.push(prompt);
        const form: Record<string, string> = options.cancel
          ? { prompt: 'abort' }
          : prompt === 'login'
            ? { prompt: 'login', login: accountId }
            : { prompt: 'consent' };
        const submitted = await browser.postForm(location, form);
        expect(submitted.status).toBe(303);
        location = new URL(submitted.headers.get('location') ?? '', location).href;
      } else {
        expect([302, 303]).toContain(response.status);
        location = new URL(response.headers.get('location') ?? '', location).href;
      }
    }
    throw new Error(`the provider never sent the browser back; last at ${location}`);
  }

  /** The whole round trip for `accountId`: start, provider, callback. */
  async function signInThrough(accountId: string, returnTo = '/pipeline') {
    const browser = new TestBrowser();
    const callback = await throughProvider(browser, await begin(browser, returnTo), accountId);
    const finished = await browser.get(callback);
    return { browser, callback, finished };
  }

  const startUrl = (returnTo: string) =>
    `${appUrl}/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`;

  async function sessionOf(browser: TestBrowser) {
    const token = browser.cookie(appUrl, 'candor_session');
    if (!token) return null;
    const response = await fetch(`${appUrl}/api/session`, { headers: { cookie: `candor_session=${token}` } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /** Whether the database still holds the sign-in in flight with this state. */
  async function isPending(state: string): Promise<boolean> {
    return withConnection(database, async (conn) => {
      const row = await conn.db
        .selectFrom('oidc_logins')
        .select('state')
        .where('state', '=', state)
        .executeTakeFirst();
      return row !== undefined;
    });
  }

  it('signs Ana in end to end: provider login and consent, callback, session by e-mail with method oidc', async () => {
    const browser = new TestBrowser();
    const authorization = new URL(await begin(browser, '/pipeline?quarter=2026-Q1'));
    expect(authorization.origin).toBe(idp.issuer);
    expect(authorization.searchParams.get('redirect_uri')).toBe(`${appUrl}/api/auth/oidc/callback`);
    expect(authorization.searchParams.get('client_id')).toBe(clientId);
    expect(authorization.searchParams.get('scope')).toBe('openid email profile');
    expect(authorization.searchParams.get('response_type')).toBe('code');
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('nonce')?.length).toBeGreaterThan(20);
    const state = authorization.searchParams.get('state') ?? '';
    expect(browser.cookie(appUrl, 'candor_oidc_state')).toBe(state);
    expect(await isPending(state)).toBe(true);

    const callback = await throughProvider(browser, authorization.href, 'ana');
    expect(new URL(callback).searchParams.get('state')).toBe(state);
    expect(promptsSeen).toEqual(['login', 'consent']);
    const finished = await browser.get(callback);
    expect(finished.status).toBe(302);
    expect(finished.headers.get('location')).toBe('/pipeline?quarter=2026-Q1');
    expect(browser.cookie(appUrl, 'candor_oidc_state')).toBeUndefined();
    expect(await isPending(state)).toBe(false);

    const session = await sessionOf(browser);
    expect(session?.status).toBe(200);
    expect(session?.body.user).toEqual({ id: 'u1', name: 'Ana Alvarez', email: 'ana@server.test' });
    expect(session?.body.method).toBe('oidc');
    // The ID token carried no e-mail (a conforming provider), so Candor asked the userinfo endpoint.
    expect(idp.requestedPaths).toContain('/me');
    expect(logLines.join('')).toContain('signed in through single sign-on');
  });

  it('takes the e-mail from the ID token when the provider puts it there, without asking userinfo', async () => {
    await idp.registerClient({
      clientId,
      clientSecret,
      redirectUris: [`${appUrl}/api/auth/oidc/callback`],
      claimsInIdToken: true,
    });
    try {
      const { browser, finished } = await signInThrough('ben', '/deals');
      expect(finished.headers.get('location')).toBe('/deals');
      expect((await sessionOf(browser))?.body.user).toEqual({
        id: 'u2',
        name: 'Ben Brooks',
        email: 'ben@server.test',
      });
      expect(idp.requestedPaths).not.toContain('/me');
    } finally {
      await idp.registerClient({
        clientId,
        clientSecret,
        redirectUris: [`${appUrl}/api/auth/oidc/callback`],
      });
    }
  });

  it('refuses an e-mail nobody in Candor has: back to the sign-in page with no-account, no session', async () => {
    const { browser, callback, finished } = await signInThrough('zed');
    expect(finished.status).toBe(302);
    expect(finished.headers.get('location')).toBe('/sign-in?error=no-account');
    expect(browser.cookie(appUrl, 'candor_session')).toBeUndefined();
    const log = logLines.join('');
    expect(log).toContain('"reason":"no-account"');
    expect(log).toContain('zed@elsewhere.test');
    // The log names the reason, never the authorization code (nor any token).
    const code = new URL(callback).searchParams.get('code') ?? '';
    expect(code.length).toBeGreaterThan(10);
    expect(log).not.toContain(code);
  });

  it('refuses a replayed callback: the state is used once, even with the state cookie copied along', async () => {
    const { browser, callback, finished } = await signInThrough('ana');
    expect(finished.headers.get('location')).toBe('/pipeline');
    const attacker = new TestBrowser();
    attacker.setCookie(appUrl, 'candor_oidc_state', new URL(callback).searchParams.get('state') ?? '');
    const replayed = await attacker.get(callback);
    expect(replayed.status).toBe(302);
    expect(replayed.headers.get('location')).toBe('/sign-in?error=invalid-state');
    expect(attacker.cookie(appUrl, 'candor_session')).toBeUndefined();
    // The same browser going back to the callback has lost its state cookie: refused too.
    const again = await browser.get(callback);
    expect(again.headers.get('location')).toBe('/sign-in?error=wrong-browser');
  });

  it('refuses a callback in a browser that did not start the sign-in (login CSRF)', async () => {
    const starter = new TestBrowser();
    const callback = await throughProvider(starter, await begin(starter), 'zed');
    const victim = new TestBrowser();
    const landed = await victim.get(callback);
    expect(landed.headers.get('location')).toBe('/sign-in?error=wrong-browser');
    expect(victim.cookie(appUrl, 'candor_session')).toBeUndefined();
  });

  it('refuses a sign-in that took more than ten minutes at the provider', async () => {
    const browser = new TestBrowser();
    const callback = await throughProvider(browser, await begin(browser), 'ana');
    now = new Date(startedAt.getTime() + 10 * 60_000 + 1_000);
    const finished = await browser.get(callback);
    expect(finished.headers.get('location')).toBe('/sign-in?error=expired');
    expect(browser.cookie(appUrl, 'candor_session')).toBeUndefined();
  });

  it('accepts a sign-in that took just under ten minutes', async () => {
    const browser = new TestBrowser();
    const callback = await throughProvider(browser, await begin(browser), 'ana');
    now = new Date(startedAt.getTime() + 9 * 60_000);
    const finished = await browser.get(callback);
    expect(finished.headers.get('location')).toBe('/pipeline');
    expect((await sessionOf(browser))?.body.method).toBe('oidc');
  });

  it('answers provider-error when the person cancels at the provider, and forgets the state', async () => {
    const browser = new TestBrowser();
    const callback = await throughProvider(browser, await begin(browser), 'ana', { cancel: true });
    expect(new URL(callback).searchParams.get('error')).toBe('access_denied');
    const state = new URL(callback).searchParams.get('state') ?? '';
    expect(await isPending(state)).toBe(true);
    const finished = await browser.get(callback);
    expect(finished.headers.get('location')).toBe('/sign-in?error=provider-error');
    expect(await isPending(state)).toBe(false);
    expect(logLines.join('')).toContain('the provider answered access_denied');
  });

  it('refuses an e-mail the provider marks unverified, even one Candor knows', async () => {
    const { browser, finished } = await signInThrough('impostor');
    expect(finished.headers.get('location')).toBe('/sign-in?error=email-unverified');
    expect(browser.cookie(appUrl, 'candor_session')).toBeUndefined();
  });

  it('refuses when the provider sends no e-mail at all', async () => {
    const { finished } = await signInThrough('nomail');
    expect(finished.headers.get('location')).toBe('/sign-in?error=no-email');
  });

  it('refuses an e-mail two active people share rather than guess between them', async () => {
    const { browser, finished } = await signInThrough('twin');
    expect(finished.headers.get('location')).toBe('/sign-in?error=ambiguous-account');
    expect(browser.cookie(appUrl, 'candor_session')).toBeUndefined();
  });

  it('refuses a person who is no longer active', async () => {
    const { browser, finished } = await signInThrough('gone');
    expect(finished.headers.get('location')).toBe('/sign-in?error=inactive-account');
    expect(browser.cookie(appUrl, 'candor_session')).toBeUndefined();
  });

  it('signs in the one active person when a deactivated record shares the e-mail', async () => {
    const { browser, finished } = await signInThrough('dora');
    expect(finished.headers.get('location')).toBe('/pipeline');
    expect((await sessionOf(browser))?.body.user).toEqual({
      id: 'u24',
      name: 'Dora Diaz',
      email: 'Dora@Server.Test',
    });
  });

  it('refuses a callback with an unknown state', async () => {
    const browser = new TestBrowser();
    browser.setCookie(appUrl, 'candor_oidc_state', 'made-up-state');
    const finished = await browser.get(`${appUrl}/api/auth/oidc/callback?code=abc&state=made-up-state`);
    expect(finished.headers.get('location')).toBe('/sign-in?error=invalid-state');
  });

  it('ignores a returnTo that leads off the site', async () => {
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const { finished } = await signInThrough('ben', returnTo);
      expect(finished.headers.get('location')).toBe('/');
    }
  });

  it('sends PUBLIC_URL as the redirect URI; the callback may land on another app server', async () => {
    // A second app server over the same database, told its public address is the first one's.
    const config = loadConfig({
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
      PUBLIC_URL: `${appUrl}/`,
    });
    const other = await createApp({ db: database, config, clock: () => now, logger: false });
    try {
      const started = await other.inject({ method: 'GET', url: '/api/auth/oidc/start?returnTo=/forecast' });
      expect(started.statusCode).toBe(302);
      const authorization = new URL(started.headers.location as string);
      expect(authorization.searchParams.get('redirect_uri')).toBe(`${appUrl}/api/auth/oidc/callback`);
      const stateCookie = started.cookies.find((c) => c.name === 'candor_oidc_state');
      expect(stateCookie?.path).toBe('/api/auth/oidc');
      expect(stateCookie?.httpOnly).toBe(true);
      const browser = new TestBrowser();
      browser.setCookie(appUrl, 'candor_oidc_state', stateCookie?.value ?? '');
      const callback = await throughProvider(browser, authorization.href, 'ana');
      const finished = await browser.get(callback);
      expect(finished.headers.get('location')).toBe('/forecast');
      expect((await sessionOf(browser))?.body.user).toMatchObject({ id: 'u1' });
    } finally {
      await other.close();
    }
  });

  it('says on the sign-in options that single sign-on is on, with its label', async () => {
    const response = await fetch(`${appUrl}/api/auth/options`);
    expect(((await response.json()) as { oidc: unknown }).oidc).toEqual({
      enabled: true,
      label: 'Sign in with Test IdP',
    });
  });

  it('describes both routes in the OpenAPI document, as redirects', async () => {
    const response = await fetch(`${appUrl}/api/openapi.json`);
    expect(response.status).toBe(200);
    const paths = ((await response.json()) as { paths: Record<string, { get: { responses: object } }> })
      .paths;
    expect(Object.keys(paths['/api/auth/oidc/start']?.get.responses ?? {})).toEqual(['302', '404']);
    expect(Object.keys(paths['/api/auth/oidc/callback']?.get.responses ?? {})).toEqual(['302', '404']);
  });

  it('answers 404 on both routes when single sign-on is not configured', async () => {
    const plain = await createTestApp(database);
    try {
      const start = await plain.inject({ method: 'GET', url: '/api/auth/oidc/start?returnTo=/pipeline' });
      expect(start.statusCode).toBe(404);
      expect(start.json()).toMatchObject({
        code: 'not-found',
        detail: 'single sign-on is not configured on this server',
      });
      const callback = await plain.inject({ method: 'GET', url: '/api/auth/oidc/callback?code=x&state=y' });
      expect(callback.statusCode).toBe(404);
      const options = await plain.inject({ method: 'GET', url: '/api/auth/options' });
      expect(options.json().oidc).toEqual({ enabled: false, label: '' });
    } finally {
      await plain.close();
    }
  });

  it('sends the browser to the sign-in page when the provider cannot be reached', async () => {
    const config = loadConfig({
      OIDC_ISSUER: 'http://127.0.0.1:9/',
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
    });
    const lines: string[] = [];
    const down = await createApp({
      db: database,
      config,
      clock: () => now,
      logger: { level: 'info', stream: logInto(lines) },
    });
    try {
      const start = await down.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      expect(start.statusCode).toBe(302);
      expect(start.headers.location).toBe('/sign-in?error=provider-unavailable');
      expect(lines.join('')).toContain('"reason":"provider-unavailable"');
    } finally {
      await down.close();
    }
  });

  it('refuses a plain-http issuer that is not on this machine', async () => {
    const config = loadConfig({
      OIDC_ISSUER: 'http://login.example.com/',
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
    });
    const lines: string[] = [];
    const insecure = await createApp({
      db: database,
      config,
      clock: () => now,
      logger: { level: 'info', stream: logInto(lines) },
    });
    try {
      const start = await insecure.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      expect(start.headers.location).toBe('/sign-in?error=provider-unavailable');
      expect(lines.join('')).toContain('must use https');
    } finally {
      await insecure.close();
    }
  });
});

/**
 * People the fixture lacks: two active records sharing one address (an import can bring that),
 * a person who has left (created, then made inactive), and Dora, active, whose old deactivated
 * record has the same address.
 */
async function addAwkwardPeople(database: TestDatabase): Promise<void> {
  const at = '2026-01-02T00:00:00Z';
  await withTransaction(database, (conn) =>
    appendEvents(
      conn,
      [
        userCreated('u20', 'Twin One', at, 'twin@server.test'),
        userCreated('u21', 'Twin Two', at, 'Twin@Server.test'),
        userCreated('u22', 'Gone Away', at, 'gone@server.test'),
        event('user', 'u22', 'user.changed', '2026-01-03T00:00:00Z', { active: false }),
        userCreated('u23', 'Dora (old record)', at, 'dora@server.test'),
        event('user', 'u23', 'user.changed', '2026-01-03T00:00:00Z', { active: false }),
        userCreated('u24', 'Dora Diaz', at, 'Dora@Server.Test'),
      ],
      { recordedTime: new Date('2026-01-03T00:00:00Z') },
    ),
  );
}

/** A log destination that keeps each line, for asserting what was logged. */
function logInto(lines: string[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
}
