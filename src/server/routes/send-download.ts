import type { FastifyReply } from 'fastify';

/** A file sent as an attachment: its name, media type, and its bytes (a stream, a buffer or text). */
export type Download = { fileName: string; contentType: string; body: unknown };

/**
 * Sends a file as an attachment. The body is a stream or text, not a JSON value the route's
 * response schemas describe, hence the plain reply type.
 */
export function sendDownload(reply: FastifyReply, download: Download): FastifyReply {
  return reply
    .type(download.contentType)
    .header('content-disposition', attachmentDisposition(download.fileName))
    .send(download.body);
}

/**
 * `Content-Disposition: attachment` with the file's name (RFC 6266): an ASCII fallback for old
 * clients, quotes and backslashes replaced, and the exact name percent-encoded in `filename*`.
 */
export function attachmentDisposition(fileName: string): string {
  const percentEncoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${percentEncoded}`;
}
