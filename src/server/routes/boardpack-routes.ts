import type { FastifyReply } from 'fastify';
import { boardPackQuerySchema } from '../../api/boardpack.js';
import { buildBoardPack } from '../../services/boardpack/build-board-pack.js';
import { renderBoardPackPdf } from '../../services/boardpack/render-board-pack-pdf.js';
import type { AppDeps } from '../app-deps.js';
import { problemResponses } from './problem-responses.js';
import type { ZodApp } from './zod-app.js';

/**
 * The pack is a document of its own, not a page of the app: it carries its stylesheet inline and
 * no script at all, so it gets a policy that allows exactly that (inline styles, data images,
 * nothing else) instead of the app's.
 */
const packPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function registerBoardpackRoutes(app: ZodApp, deps: AppDeps): void {
  app.get(
    '/boardpack',
    {
      config: { access: 'read' },
      schema: {
        summary: 'The board pack of a period within your scope: self-contained HTML, or PDF through Chromium',
        tags: ['bridge'],
        querystring: boardPackQuerySchema,
        response: { ...problemResponses(400, 404, 500, 503) },
      },
    },
    async (request, reply) => {
      const { period, format } = request.query;
      const pack = await buildBoardPack(deps.db, {
        period,
        scope: request.scope,
        userId: request.scope.kind === 'everything' ? null : (request.principal?.userId ?? null),
        now: deps.clock(),
      });
      // The body is a document, not a JSON value the response schemas describe.
      const fileReply: FastifyReply = reply;
      fileReply.header('content-security-policy', packPolicy);
      if (format === 'pdf') {
        const pdf = await renderBoardPackPdf(pack.html);
        return fileReply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="board-pack-${period}.pdf"`)
          .send(pdf);
      }
      return fileReply.type('text/html; charset=utf-8').send(pack.html);
    },
  );
}
