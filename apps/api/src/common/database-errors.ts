import { QueryFailedError, UpdateValuesMissingError } from 'typeorm';
import { SESSION_REFUSED } from '@candor/db';

/** True when `error` is a PostgreSQL unique violation, optionally on the named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && (!constraint || driverError.constraint === constraint);
}

export interface DatabaseRefusal {
  status: number;
  code: string;
  field?: string;
  message: string;
}

/** SQLSTATEs that mean the input was bad (the database refused a value), not that the server failed. */
const BAD_INPUT: Record<string, { code: string; message: string }> = {
  '23514': { code: 'invalid_value', message: 'A value is outside what is allowed' },
  '23502': { code: 'required', message: 'A required value is missing' },
  '22P02': { code: 'invalid_format', message: 'A value is not written in the expected format' },
  '22021': { code: 'invalid_characters', message: 'The text contains characters that cannot be stored' },
  '22P05': { code: 'invalid_characters', message: 'The text contains characters that cannot be stored' },
  '22007': { code: 'invalid_date', message: 'A date or time is not valid' },
  '22008': { code: 'invalid_date', message: 'A date or time is out of range' },
  '22003': { code: 'too_large', message: 'A number is too large' },
  '22001': { code: 'too_long', message: 'A text is too long' },
  '22012': { code: 'invalid_value', message: 'A value of zero is not allowed here' },
  '2201B': { code: 'invalid_format', message: 'A search pattern is not valid' },
  '22025': { code: 'invalid_format', message: 'A search pattern is not valid' },
  '22019': { code: 'invalid_format', message: 'A search pattern is not valid' },
  '54001': { code: 'too_complex', message: 'The request is too complex' },
};

/** Failures of the connection, not of the request: worth trying again in a moment. */
const UNAVAILABLE_STATES = /^(08|57P0|40001|40P01|53)/;
const UNAVAILABLE_ERRORS = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
  'ConnectionIsNotSetError',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection error|not queryable|ECONNREFUSED|ECONNRESET|timeout exceeded when trying to connect|Query read timeout/i;

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * What a database error means for the caller: 400 for a value the database refused, 409 for a
 * duplicate, 503 (try again) for a lost or busy connection; undefined for a real server fault.
 * Messages never carry table, constraint or column names.
 */
export function describeDatabaseError(error: unknown): DatabaseRefusal | undefined {
  if (error instanceof UpdateValuesMissingError)
    return { status: 400, code: 'nothing_to_change', message: 'Send at least one field to change' };
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; column?: string }) : undefined;
  const state = driverError?.code ?? (error as { code?: unknown } | null)?.code;
  if (typeof state === 'string') {
    const bad = BAD_INPUT[state];
    if (bad) return { status: 400, ...bad, ...(state === '23502' && driverError?.column && { field: camel(driverError.column) }) };
    if (state === '23505') return { status: 409, code: 'conflict', message: 'This already exists' };
    // auth_session_confirm, in a request's opening: the session ended, or the token's role is no longer the person's.
    if (state === SESSION_REFUSED) return { status: 401, code: 'unauthenticated', message: 'Your session has ended; sign in again' };
    if (state === '23503') return { status: 404, code: 'not_found', message: 'Something this request refers to does not exist' };
    if (UNAVAILABLE_STATES.test(state))
      return { status: 503, code: 'unavailable', message: 'The service is briefly unavailable; try again in a moment' };
  }
  // TypeORM releases a query runner whose connection died; later queries of that request fail so.
  if (error instanceof Error && (UNAVAILABLE_ERRORS.has(error.name) || UNAVAILABLE_MESSAGES.test(error.message))) {
    return { status: 503, code: 'unavailable', message: 'The service is briefly unavailable; try again in a moment' };
  }
  return undefined;
}

/**
 * pg-pool `onConnect` hook: a pooled client whose backend is terminated can emit 'error' after TypeORM
 * has removed its own listener; without one more listener that event would crash the process. The
 * failed query itself still rejects (and becomes a 503), and the pool discards the broken client.
 */
export function guardPooledClient(client: { on(event: 'error', listener: (error: Error) => void): unknown }): void {
  client.on('error', () => undefined);
}
