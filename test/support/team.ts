import { withOwner } from './owner-db';

/** A member a spec invited: their address, a signed-in token and their user id. */
export type { Member } from './factories';

/** Row counts of `tables` for one tenant, to prove a refused request wrote nothing. */
export function counts(tenantId: string, tables: readonly string[]): Promise<Record<string, number>> {
  return withOwner(async (db) => {
    const result: Record<string, number> = {};
    for (const table of tables) {
      result[table] = (await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenantId])).rows[0].n;
    }
    return result;
  });
}
