import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { S3FileStorage } from './s3-file-storage';

const S3rver = require('s3rver');

const KEY = '4b0c1f6e-8d2a-4c57-9a3e-1f2b3c4d5e6f/0123456789abcdef0123456789abcdef';

/** The S3 driver against s3rver, a local fake that speaks the S3 protocol over HTTP. */
describe('S3FileStorage', () => {
  const dir = mkdtempSync(join(tmpdir(), 's3rver-'));
  let server: { run(): Promise<AddressInfo>; close(): Promise<void> };
  let storage: S3FileStorage;

  beforeAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-call -- s3rver ships no types; `server` above is the part used
    server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: dir,
      configureBuckets: [{ name: 'candor-test', configs: [] }],
    });
    const { port } = await server.run();
    storage = new S3FileStorage({
      bucket: 'candor-test',
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
      prefix: 'deliverables/',
    });
  });
  afterAll(async () => {
    storage.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes, reads back and removes an object', async () => {
    const bytes = Buffer.from('%PDF-1.4\nhello\n');
    await storage.put(KEY, bytes, 'application/pdf');
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.open(KEY)) chunks.push(Buffer.from(chunk as Buffer));
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    await storage.remove(KEY);
    await expect(storage.open(KEY)).rejects.toThrow();
    await expect(storage.remove(KEY)).resolves.toBeUndefined();
  });
});
