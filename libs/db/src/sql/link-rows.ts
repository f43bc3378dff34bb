import type { EntityManager } from 'typeorm';

/**
 * Inserts one row per id into a link table whose rows share their leading columns (the tenant and the parent):
 * `INSERT INTO t (tenant_id, parent_id, user_id) VALUES ($1, $2, $3), ($1, $2, $4), ...`. A multi-row VALUES list
 * rather than `SELECT $1, $2, unnest($3::uuid[])`: Citus runs an INSERT ... SELECT of that kind as a COPY on the
 * workers, which row-level security refuses ("COPY FROM not supported with row-level security"), while a VALUES
 * list with the tenant's id is a plain insert on the tenant's shard. Table and column names are code-owned.
 */
export async function insertLinkRows(
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  shared: readonly unknown[],
  ids: readonly string[],
): Promise<void> {
  if (!ids.length) return;
  if (columns.length !== shared.length + 1) throw new Error('insertLinkRows needs one column per shared value plus the id column');
  const leading = shared.map((_, i) => `$${i + 1}`).join(', ');
  const rows = ids.map((_, i) => `(${leading}, $${shared.length + i + 1})`).join(', ');
  await manager.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows}`, [...shared, ...ids]);
}
