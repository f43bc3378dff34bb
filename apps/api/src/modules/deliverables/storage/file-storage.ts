import type { Readable } from 'node:stream';

/** Where deliverable files live. Keys are `<tenant id>/<random stored name>`: never a name a user chose. */
export interface FileStorage {
  readonly kind: 'local' | 's3';
  /** Writes the whole object; fails rather than overwrite an existing key. */
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  open(key: string): Promise<Readable>;
  /** Removes the object; a missing one is not an error. */
  remove(key: string): Promise<void>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');
