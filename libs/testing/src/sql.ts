import { randomUUID } from 'node:crypto';

/**
 * Anything that runs a parameterised statement: a pg `Client` (the tests' owner connection) or a
 * TypeORM `EntityManager` inside `withTenant` (the demo data, under row-level security).
 */
export interface Sql {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/** A moment for a timestamptz column; `null` leaves it empty. */
export type At = Date | string;

export const newId = (): string => randomUUID();

export const iso = (at: At | null | undefined): string | null => (at == null ? null : new Date(at).toISOString());

/** Whole seconds from `from` to `to`, or null when `to` is not set. */
export const secondsBetween = (from: At, to: At | null | undefined): number | null =>
  to == null ? null : Math.round((new Date(to).getTime() - new Date(from).getTime()) / 1000);
