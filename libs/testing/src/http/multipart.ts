import { randomBytes } from 'node:crypto';

export interface FilePart {
  name: string;
  type: string;
  bytes: Buffer;
}

/**
 * A multipart/form-data body built by hand: the file name goes out exactly as given (a browser or
 * fetch's FormData would escape or trim it), so the API's own checks are what the tests meet.
 */
export function multipartBody(fields: Record<string, string>, files: FilePart[]): { body: Buffer; contentType: string } {
  const boundary = `----candor${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
    );
    chunks.push(file.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts a version upload; answers status and parsed JSON body. */
export async function uploadVersion(
  baseUrl: string,
  deliverableId: string,
  token: string,
  fields: Record<string, string>,
  files: FilePart[],
): Promise<{ status: number; body: any }> {
  const { body, contentType } = multipartBody(fields, files);
  const response = await fetch(new URL(`/api/v1/deliverables/${deliverableId}/versions`, baseUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

/** Small files whose bytes are what their names say. */
export const SAMPLE = {
  pdf: (extra = ''): FilePart => ({
    name: 'brief.pdf',
    type: 'application/pdf',
    bytes: Buffer.from(`%PDF-1.4\n% candor test ${extra}\n%%EOF\n`),
  }),
  png: (): FilePart => ({
    name: 'logo.png',
    type: 'image/png',
    bytes: Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(32, 1)]),
  }),
  csv: (): FilePart => ({ name: 'numbers.csv', type: 'text/csv', bytes: Buffer.from('month,total\nMarch,"1,200"\n') }),
};
