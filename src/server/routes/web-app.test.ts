import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebApp } from './web-app.js';

const shell =
  '<!doctype html><title>Candor</title><script type="module" src="/assets/index-abc123.js"></script>';

async function appServing(root: string): Promise<FastifyInstance> {
  const app = Fastify();
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ notFound: request.url }));
  app.get('/api/health', async () => ({ status: 'ok' }));
  await registerWebApp(app, { root });
  await app.ready();
  return app;
}

describe('the web app route', () => {
  let folder: string;
  let built: FastifyInstance;
  let missing: FastifyInstance;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'candor-web-'));
    const root = join(folder, 'web');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), shell);
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log("app")');
    writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(folder, 'secret.txt'), 'outside the build');
    built = await appServing(root);
    missing = await appServing(join(folder, 'not-built'));
  });
  afterAll(async () => {
    await built.close();
    await missing.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers index.html for the root and for any page path of the app, revalidated on each load', async () => {
    for (const url of ['/', '/pipeline', '/deals/demo-opp-00042?tab=timeline', '/admin/users']) {
      const response = await built.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toBe(shell);
    }
  });

  it('serves hashed assets as immutable and other files with a short cache', async () => {
    const asset = await built.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log("app")');
    expect(asset.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await built.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('answers 404 for a missing asset and never falls back to the app under /api', async () => {
    const asset = await built.inject({ method: 'GET', url: '/assets/index-old999.js' });
    expect(asset.statusCode).toBe(404);
    for (const url of ['/api', '/api/no-such-route', '/api/opportunities/x/y']) {
      const response = await built.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toEqual({ notFound: url });
    }
    const api = await built.inject({ method: 'GET', url: '/api/health' });
    expect(api.json()).toEqual({ status: 'ok' });
  });

  it('never serves a file from outside the build folder', async () => {
    for (const url of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
    ]) {
      const response = await built.inject({ method: 'GET', url });
      expect(response.body, url).not.toContain('outside the build');
    }
  });

  it('says plainly to run npm run build when there is no build, with no script', async () => {
    for (const url of ['/', '/pipeline']) {
      const response = await missing.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toContain('the web app has not been built yet');
      expect(response.body).toContain('<code>npm run build</code>');
      expect(response.body).not.toMatch(/<script|style=|<style/i);
    }
    const api = await missing.inject({ method: 'GET', url: '/api/nope' });
    expect(api.statusCode).toBe(404);
  });
});
