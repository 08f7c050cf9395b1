import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { createTestApp, useServerWithHistory } from './server-history.js';

describeEachEngine('the HTTP app', (engine) => {
  const server = useServerWithHistory(engine);

  it('reports health: the database answers, the chain length and head, the version', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    const chain = await server.database.db
      .selectFrom('events')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .execute();
    expect(response.json()).toEqual({
      status: 'ok',
      version: '0.1.0',
      database: { reachable: true, engine },
      ledger: { length: String(chain.length), head: chain[0]?.hash },
      organisation: { name: 'Server test org', isDemo: false },
      time: '2026-05-01T12:00:00.000Z',
    });
    const head = await server.get('/api/ledger/head');
    expect(head.body).toEqual({ length: '28', head: chain[0]?.hash });
  });

  it('describes every route in the OpenAPI document generated from the zod schemas', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const spec = response.json();
    expect(spec.openapi).toBe('3.1.0');
    // Every registered route and method is described, and nothing else is: a route whose schema
    // fails to reach the document (or one described but gone) shows up here by name.
    const registered = server.app.declaredRoutes
      .map((route) => `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    const described = Object.entries(spec.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(described).toEqual(registered);
    expect(described).toContain('GET /api/pipeline');
    const pipeline = spec.paths['/api/pipeline'].get;
    expect(
      pipeline.parameters.map((p: { name: string; in: string; required: boolean }) => [
        p.name,
        p.in,
        p.required,
      ]),
    ).toEqual([
      ['period', 'query', true],
      ['asOf', 'query', false],
    ]);
    expect(Object.keys(pipeline.responses).sort()).toEqual(['200', '400', '404', '500']);
    expect(Object.keys(pipeline.responses['400'].content)).toEqual(['application/problem+json']);
    const amount =
      pipeline.responses['200'].content['application/json'].schema.properties.categories.properties.Commit
        .properties.amount;
    expect(amount).toMatchObject({ type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' });
    const list = spec.paths['/api/opportunities'].get.parameters.map((p: { name: string }) => p.name);
    expect(list).toEqual([
      'period',
      'closeFrom',
      'closeTo',
      'asOf',
      'owner',
      'team',
      'stage',
      'category',
      'search',
      'sort',
      'order',
      'limit',
      'offset',
    ]);
  });

  it('puts the security headers on every answer, errors and pages included', async () => {
    for (const url of ['/api/health', '/api/pipeline?period=bad', '/no/such/route', '/']) {
      const response = await server.app.inject({ method: 'GET', url });
      expect(response.headers['content-security-policy']).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
          "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    const api = await server.app.inject({ method: 'GET', url: '/api/ledger/head' });
    expect(api.statusCode).toBe(401);
    expect(api.headers['cache-control']).toBe('no-store');
  });

  it('answers an unknown route and an unknown method as 404 problem details, once signed in', async () => {
    const signedOut = await server.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(signedOut.statusCode).toBe(401);
    const vera = await server.as('vera');
    const response = await vera.inject({ method: 'GET', url: '/api/nothing-here?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json();
    expect(body).toEqual({
      type: 'urn:candor:problem:not-found',
      title: 'Not found',
      status: 404,
      detail: 'there is no GET /api/nothing-here',
      instance: '/api/nothing-here',
      code: 'not-found',
      requestId: response.headers['x-request-id'],
      errors: [],
    });
    const post = await vera.inject({ method: 'POST', url: '/api/pipeline' });
    expect(post.statusCode).toBe(404);
    expect(post.json().detail).toBe('there is no POST /api/pipeline');
  });

  it('serves the web app (or, before a build, a page saying to run npm run build) at the root, with no inline script', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/' });
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('<title>Candor</title>');
    // Built: 200 with the app's shell, whose scripts come from files (script-src 'self').
    // Not built: 503 naming the command. src/server/routes/web-app.test.ts covers each case alone.
    if (response.statusCode === 200)
      expect(response.body).toMatch(/<script type="module" crossorigin src="\/assets\//);
    else
      expect([response.statusCode, response.body]).toEqual([503, expect.stringContaining('npm run build')]);
    expect(response.body).not.toMatch(/<script(?![^>]*\ssrc=)|style=|<style/i);
  });
});

describe('the HTTP app when the database fails', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const logLines: string[] = [];
  const secret = 'connect ECONNREFUSED db-internal-7.corp:5432 (password=hunter2)';
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    const failingPool = { connect: () => Promise.reject(new Error(secret)) } as unknown as pg.Pool;
    app = await createTestApp(
      { ...database, pool: failingPool },
      { level: 'error', stream: { write: (line: string) => void logLines.push(line) } },
    );
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('answers a 500 without the error message or stack, and logs them under the request id', async () => {
    // A session cookie makes the server read the database before anything else.
    const response = await app.inject({
      method: 'GET',
      url: '/api/pipeline?period=2026-Q1',
      headers: { cookie: `candor_session=${'a'.repeat(43)}` },
    });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const requestId = response.headers['x-request-id'] as string;
    expect(response.json()).toEqual({
      type: 'urn:candor:problem:internal',
      title: 'Internal error',
      status: 500,
      detail: `An unexpected error occurred. Quote request id ${requestId} when reporting it.`,
      instance: '/api/pipeline',
      code: 'internal',
      requestId,
      errors: [],
    });
    expect(response.body).not.toMatch(/hunter2|db-internal|ECONNREFUSED|at .*\.ts/);
    const logged = logLines.map((line) => JSON.parse(line)).find((entry) => entry.reqId === requestId);
    expect(logged?.err?.message).toBe(secret);
    expect(logged?.err?.stack).toContain('Error: connect ECONNREFUSED');
  });

  it('answers health with 503 when the database does not answer', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'unavailable', status: 503, title: 'Service unavailable' });
    expect(response.body).not.toContain('hunter2');
  });
});
