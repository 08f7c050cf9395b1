import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/server/create-app.js';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { signIn, testPassword } from '../helpers/sign-in.js';
import { loadServerHistory } from './server-history.js';
import { withTransaction } from '../../src/db/connection.js';
import { appendEvents } from '../../src/store/append-events.js';
import { orgEvent } from '../helpers/sample-events.js';

describeEachEngine('sign-in and sessions', (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let now = new Date('2026-05-01T12:00:00Z');
  // Each test signs in from its own address, so the per-address limit of one test does not leak.
  let address = 0;
  const nextAddress = () => `10.0.0.${(address += 1)}`;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await loadServerHistory(database);
    app = await createApp({
      db: database,
      config: loadConfig({ TRUST_PROXY: 'true' }),
      clock: () => now,
      logger: false,
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });
  beforeEach(() => {
    now = new Date(now.getTime() + 3_600_000); // an hour apart: earlier tests' failures have aged out
  });

  const attempt = (email: string, password: string, from: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password },
      headers: { 'x-forwarded-for': from, ...headers },
    });

  it('signs in with the right password and sets an HttpOnly, SameSite session cookie', async () => {
    const response = await attempt('Ana@Server.Test', testPassword, nextAddress());
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'candor_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeUndefined();
    expect(response.json()).toMatchObject({
      user: { id: 'u1', name: 'Ana Alvarez', email: 'ana@server.test' },
      roles: [{ teamId: 'east', teamName: 'East', role: 'rep' }],
      scope: { kind: 'owners', ownerCount: 1, description: 'Your own deals' },
      can: { editDeals: true, forecast: true, administer: false },
      currentQuarter: '2026-Q2',
      method: 'password',
    });
    const stored = await database.db.selectFrom('auth_sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(cookie?.value);
  });

  it('marks the cookie Secure when the request came over HTTPS through the proxy', async () => {
    const response = await attempt('ana@server.test', testPassword, nextAddress(), {
      'x-forwarded-proto': 'https',
    });
    expect(response.cookies.find((c) => c.name === 'candor_session')?.secure).toBe(true);
  });

  it('answers a wrong password and an unknown address with the same words', async () => {
    const from = nextAddress();
    const wrong = await attempt('ana@server.test', 'not-the-password', from);
    const unknown = await attempt('nobody@server.test', testPassword, from);
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json().detail).toBe('the e-mail address or the password is not right');
    expect(unknown.json().detail).toBe(wrong.json().detail);
    expect(wrong.cookies).toEqual([]);
  });

  it('locks an account after five failures, from any address, and says for how long', async () => {
    for (let i = 0; i < 5; i += 1) {
      expect((await attempt('ben@server.test', `wrong-${i}`, nextAddress())).statusCode).toBe(401);
    }
    const locked = await attempt('ben@server.test', testPassword, nextAddress());
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('900');
    expect(locked.json().detail).toBe(
      'too many failed sign-ins for this account: try again in 15 minutes, or ask an admin to reset the password',
    );
    now = new Date(now.getTime() + 15 * 60_000 + 1000);
    expect((await attempt('ben@server.test', testPassword, nextAddress())).statusCode).toBe(200);
  });

  it('clears an account’s failures once it signs in', async () => {
    const from = nextAddress();
    for (let i = 0; i < 4; i += 1) await attempt('cleo@server.test', `wrong-${i}`, from);
    expect((await attempt('cleo@server.test', testPassword, from)).statusCode).toBe(200);
    for (let i = 0; i < 4; i += 1) await attempt('cleo@server.test', `wrong-again-${i}`, from);
    expect((await attempt('cleo@server.test', testPassword, from)).statusCode).toBe(200);
  });

  it('stops one address trying many accounts after twenty failures', async () => {
    const from = nextAddress();
    for (let i = 0; i < 20; i += 1) await attempt(`guess-${i}@server.test`, 'password-guess', from);
    const blocked = await attempt('vera@server.test', testPassword, from);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().detail).toMatch(
      /^too many failed sign-ins from this address: try again in \d+ minutes$/,
    );
    expect((await attempt('vera@server.test', testPassword, nextAddress())).statusCode).toBe(200);
  });

  it('refuses a sign-in posted from another site', async () => {
    const response = await attempt('ana@server.test', testPassword, nextAddress(), {
      origin: 'https://evil.example',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().detail).toBe('requests from another site are refused');
  });

  it('needs a session for everything but the public routes', async () => {
    for (const url of [
      '/api/session',
      '/api/pipeline?period=2026-Q1',
      '/api/opportunities',
      '/api/ledger/head',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(401);
      expect(response.json().detail).toBe('sign in first: this needs a session');
    }
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/auth/options' })).json()).toEqual({
      password: true,
      oidc: { enabled: false, label: '' },
      organisation: { name: 'Server test org', isDemo: false },
    });
  });

  it('refuses a state-changing request without the session’s CSRF token', async () => {
    const ana = await signIn(app, 'ana@server.test');
    const withoutToken = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: ana.cookie },
      payload: {},
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().detail).toMatch(/CSRF token in the x-csrf-token header/);
    const wrongToken = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: ana.cookie, 'x-csrf-token': 'x'.repeat(ana.csrfToken.length) },
      payload: {},
    });
    expect(wrongToken.statusCode).toBe(403);
    expect((await ana.get('/api/session')).status).toBe(200);
  });

  it('signs out one session, or every session of the person', async () => {
    const first = await signIn(app, 'cleo@server.test');
    const second = await signIn(app, 'cleo@server.test');
    const third = await signIn(app, 'cleo@server.test');
    const out = await first.send('POST', '/api/auth/sign-out', {});
    expect(out).toMatchObject({ status: 200, body: { sessionsEnded: 1 } });
    expect((await first.get('/api/session')).status).toBe(401);
    expect((await second.get('/api/session')).status).toBe(200);
    const live = await database.db
      .selectFrom('auth_sessions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('user_id', '=', 'u3')
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(live.n)).toBeGreaterThanOrEqual(2); // second and third, and earlier tests' sessions
    const everywhere = await second.send('POST', '/api/auth/sign-out', { everywhere: true });
    expect(everywhere.body).toEqual({ sessionsEnded: Number(live.n) });
    expect((await third.get('/api/session')).status).toBe(401);
  });

  it('ends a session after twelve idle hours, and keeps it alive while used', async () => {
    const vera = await signIn(app, 'vera@server.test');
    now = new Date(now.getTime() + 11 * 3_600_000);
    expect((await vera.get('/api/session')).status).toBe(200);
    now = new Date(now.getTime() + 11 * 3_600_000);
    expect((await vera.get('/api/session')).status).toBe(200);
    now = new Date(now.getTime() + 12 * 3_600_000 + 1000);
    expect((await vera.get('/api/session')).status).toBe(401);
  });

  it('names the fiscal quarter of today by the organisation’s own fiscal calendar', async () => {
    const vera = await signIn(app, 'vera@server.test');
    const calendarQuarter = (await vera.get('/api/session')).body.currentQuarter;
    expect(calendarQuarter).toMatch(/^2026-Q[1-4]$/);
    // A fiscal year from February, named by the calendar year it ends in: Feb 2026 – Jan 2027 is FY2027.
    await withTransaction(database, (conn) =>
      appendEvents(
        conn,
        [orgEvent(now.toISOString(), { name: 'Server test org', fiscalYearStartMonth: 2 })],
        {
          recordedTime: now,
        },
      ),
    );
    const month = now.getUTCMonth() + 1; // 1–12
    const fiscalQuarter = Math.floor(((month - 2 + 12) % 12) / 3) + 1;
    const fiscalYear = month >= 2 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
    expect((await vera.get('/api/session')).body.currentQuarter).toBe(`${fiscalYear}-Q${fiscalQuarter}`);
  });

  it('describes a manager’s scope by the teams below them', async () => {
    const cleo = await signIn(app, 'cleo@server.test');
    expect((await cleo.get('/api/session')).body.scope).toEqual({
      kind: 'owners',
      ownerCount: 4,
      description: 'Your deals and those of Sales with the teams below (4 people)',
    });
  });
});
