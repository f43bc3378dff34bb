import { badInput } from './errors/api-error';

/** A keyset position (a timestamp and a tie-breaking id), opaque to clients. */
export interface KeysetPosition {
  at: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(`${position.at.toISOString()}|${position.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): KeysetPosition {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  // A forged date PostgreSQL cannot hold (year 0, +275760) must not reach the query.
  const year = date.getUTCFullYear();
  if (!id || !UUID.test(id) || Number.isNaN(date.getTime()) || year < 1000 || year > 9999) {
    throw badInput('invalid_cursor', 'cursor', 'cursor is not valid; use the nextCursor of a previous page');
  }
  return { at: date, id };
}
