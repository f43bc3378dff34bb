import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';

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
export function uploadVersion(
  baseUrl: string,
  deliverableId: string,
  token: string,
  fields: Record<string, string>,
  files: FilePart[],
): Promise<{ status: number; body: any }> {
  return sendMultipart(baseUrl, 'POST', `/api/v1/deliverables/${deliverableId}/versions`, token, fields, files);
}

/** Sends fields and files as multipart/form-data to any route; answers status and parsed JSON body. */
export async function sendMultipart(
  baseUrl: string,
  method: string,
  path: string,
  token: string,
  fields: Record<string, string>,
  files: FilePart[],
): Promise<{ status: number; body: any }> {
  const { body, contentType } = multipartBody(fields, files);
  const response = await fetch(new URL(path, baseUrl), {
    method,
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

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer): number => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer): Buffer => {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
  return Buffer.concat([head, Buffer.from(type), data, crc]);
};

/**
 * A real PNG a browser draws: a `width` x `height` bar in `rgb` (hex) with a white band, e.g. a test
 * logo that shows in a screenshot which tenant's page it is.
 */
export function logoPng(rgb: string, width = 160, height = 40, name = 'logo.png'): FilePart {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(rgb.slice(i, i + 2), 16)) as [number, number, number];
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const band = y > height / 3 && y < (2 * height) / 3 && x > width / 8 && x < (7 * width) / 8;
      row.set(band ? [255, 255, 255] : [r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const bytes = Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return { name, type: 'image/png', bytes };
}
