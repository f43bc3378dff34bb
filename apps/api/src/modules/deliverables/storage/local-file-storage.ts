import { createReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import type { FileStorage } from './file-storage';

const KEY = /^[0-9a-f-]{36}\/[0-9a-f]{32}$/;

/** Files on the local disk under one directory (`.data/uploads` by default). */
export class LocalFileStorage implements FileStorage {
  readonly kind = 'local' as const;
  private readonly root: string;

  constructor(dir: string) {
    this.root = resolve(dir);
  }

  async put(key: string, body: Buffer): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    // 'wx': a stored name is never reused, and a collision fails instead of replacing someone's file.
    await writeFile(path, body, { flag: 'wx', mode: 0o600 });
  }

  async open(key: string): Promise<Readable> {
    const stream = createReadStream(this.path(key));
    // Surface a missing file as an error of open() rather than of the first read.
    await new Promise<void>((ok, fail) => stream.once('open', () => ok()).once('error', fail));
    return stream;
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  /** Keys come from us, but the check costs nothing: nothing outside the root is ever touched. */
  private path(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a storage key: ${key}`);
    const path = join(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`not a storage key: ${key}`);
    return path;
  }
}
