import { StreamableFile } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LogoFile } from './brand.service';

/**
 * Sends a logo as an image with an ETag (its SHA-256): a browser or mail client asking again with
 * If-None-Match gets 304. The bytes were checked to be PNG, JPEG or WebP; nosniff and a sandboxing
 * CSP keep them an image whatever a client makes of them.
 */
export function sendLogo(request: FastifyRequest, reply: FastifyReply, logo: LogoFile, cacheControl: string): StreamableFile | undefined {
  const etag = `"${logo.sha256}"`;
  reply.header('ETag', etag);
  reply.header('Cache-Control', cacheControl);
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('Content-Security-Policy', "default-src 'none'; sandbox");
  if (request.headers['if-none-match'] === etag) {
    logo.stream.destroy();
    void reply.status(304);
    return undefined;
  }
  reply.header('Content-Type', logo.contentType);
  reply.header('Content-Length', String(logo.sizeBytes));
  return new StreamableFile(logo.stream);
}
