import { stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `npm run build` (vite build) writes the web app: dist/web at the project root. */
export const defaultWebRoot = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

export type WebAppOptions = {
  /** The built web app's folder; tests point it at a folder of their own. */
  root?: string;
};

/** Vite names every file under assets/ by a hash of its content, so a browser may keep it forever. */
const immutable = 'public, max-age=31536000, immutable';

/**
 * Serves the built web app from the same origin as the API, so the session cookie, the CSRF header
 * and the content security policy ('self' only) need nothing else. Any GET outside /api that names
 * no file answers index.html: the app's router owns those paths (/deals/42, /admin, …). index.html
 * is revalidated on every load (no-cache), so a new deployment is picked up at once while the
 * hashed assets it names stay cached. Without a build, a plain page says how to make one.
 */
export async function registerWebApp(app: FastifyInstance, options: WebAppOptions = {}): Promise<void> {
  const root = resolve(options.root ?? defaultWebRoot);
  // serve: false, so the plugin adds reply.sendFile (path checks, ETag, ranges) but no route of its
  // own: its wildcard would answer a missing page with the API's 404 instead of the app.
  await app.register(fastifyStatic, { root, serve: false, suppressWarning: true });

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = decodePath(request.url);
    // /api paths never fall back to the app: an unknown API route stays a 404 problem document.
    if (path === null || path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
    if (!(await isFile(resolve(root, 'index.html')))) return sendBuildMissing(reply);
    if (path.startsWith('/assets/')) {
      // A missing hashed file is a 404, never index.html: a stale page must fail to load a chunk
      // loudly rather than run HTML as a script.
      if (!(await isFileUnder(root, path))) return reply.callNotFound();
      return reply.header('cache-control', immutable).sendFile(path.slice(1), { cacheControl: false });
    }
    if (path !== '/' && (await isFileUnder(root, path))) {
      return reply
        .header('cache-control', 'public, max-age=3600')
        .sendFile(path.slice(1), { cacheControl: false });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
}

function decodePath(url: string): string | null {
  try {
    return decodeURIComponent(url.split('?')[0] ?? '/');
  } catch {
    return null;
  }
}

async function isFileUnder(root: string, path: string): Promise<boolean> {
  const file = resolve(root, `.${path}`);
  // Never look outside the build folder, whatever the path says (.., encoded slashes).
  if (!file.startsWith(root + sep)) return false;
  return isFile(file);
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function sendBuildMissing(reply: FastifyReply): FastifyReply {
  return reply
    .code(503)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(buildMissingPage);
}

/** Plain HTML without script or inline style, so the content security policy holds here too. */
const buildMissingPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Candor</title></head>
<body>
<h1>Candor</h1>
<p>The server is running, but the web app has not been built yet (there is no dist/web/index.html).</p>
<p>Build it with <code>npm run build</code> and reload this page (<code>npm start</code> builds it for you when it is missing or out of date).</p>
<p>The HTTP API works meanwhile: it is described by <a href="/api/openapi.json">/api/openapi.json</a>;
its health is at <a href="/api/health">/api/health</a>.</p>
</body>
</html>
`;
