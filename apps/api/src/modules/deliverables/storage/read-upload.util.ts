import type {} from '@fastify/multipart'; // the request's multipart methods
import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export interface UploadedFile {
  name: string;
  declaredType: string;
  bytes: Buffer;
}

export interface ParsedUpload {
  fields: Record<string, string>;
  files: UploadedFile[];
}

export interface UploadLimits {
  maxFileBytes: number;
  maxFiles: number;
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1_048_576) * 10) / 10} MB`;

/**
 * Reads a multipart body into memory within the limits: a file over the size limit, too many files
 * or fields stop the read with a 413 before anything is stored. Paths in file names are kept
 * (preservePath) so that the name check can refuse them instead of silently trimming them.
 */
export async function readUpload(request: FastifyRequest, limits: UploadLimits): Promise<ParsedUpload> {
  if (!request.isMultipart()) throw new UnsupportedMediaTypeException('Send multipart/form-data: the files and a changeSummary');
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  try {
    const parts = request.parts({
      preservePath: true,
      limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 10, fieldSize: 20_000, parts: limits.maxFiles + 10 },
    });
    for await (const part of parts) {
      if (part.type === 'file') files.push({ name: part.filename, declaredType: part.mimetype, bytes: await part.toBuffer() });
      else fields[part.fieldname] = String(part.value);
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new PayloadTooLargeException(`Each file may be at most ${megabytes(limits.maxFileBytes)}`);
    if (code === 'FST_FILES_LIMIT') throw new PayloadTooLargeException(`At most ${limits.maxFiles} files per version`);
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new PayloadTooLargeException('Too many fields in this upload');
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new UnsupportedMediaTypeException('Send multipart/form-data');
    if (code?.startsWith('FST_')) throw new BadRequestException((error as Error).message);
    // Anything else here is the body itself (cut short, a malformed part header): the caller's to fix.
    throw new BadRequestException({
      code: 'malformed_upload',
      message: 'The upload was cut short or is not valid multipart; send it again',
    });
  }
  return { fields, files };
}
