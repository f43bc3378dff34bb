import { randomUUID } from 'node:crypto';
import type { ApiResponse } from './api-client';

/**
 * Fails an arrangement loudly, naming what it was for: a factory that silently did nothing would
 * leave the test's own checks empty.
 */
export async function expectStatus<T extends ApiResponse>(what: string, response: Promise<T>, statuses = [200, 201, 204]): Promise<T> {
  const answered = await response;
  if (!statuses.includes(answered.status)) throw new Error(`${what} failed: ${answered.status} ${JSON.stringify(answered.body)}`);
  return answered;
}

/** Eight hex characters: names unique enough inside one test's tenant. */
export const shortId = (): string => randomUUID().slice(0, 8);
