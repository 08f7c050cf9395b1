import type { FastifyInstance } from 'fastify';

/**
 * The root page until the web app arrives with its own capability: plain HTML without script or
 * inline style, so the content security policy holds here too.
 */
const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Candor</title></head>
<body>
<h1>Candor</h1>
<p>The server is running. The web app comes with its own capability.</p>
<p>The HTTP API is described by <a href="/api/openapi.json">/api/openapi.json</a>;
its health is at <a href="/api/health">/api/health</a>.</p>
</body>
</html>
`;

export function registerHomePage(app: FastifyInstance): void {
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(page),
  );
}
