import type { DataSource, EntityManager } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The statement that scopes a transaction to one tenant: `SET LOCAL app.tenant_id = '<uuid>'`.
 * A plain SET LOCAL rather than `set_config(..., true)` because Citus (with
 * `citus.propagate_set_commands = 'local'`) forwards SET LOCAL to every worker it opens a transaction
 * on, while a `set_config` call never leaves the coordinator (see docker/scale-out.md). SET takes no
 * bind parameters, so the id is checked against the UUID shape first (nothing else can reach the
 * quotes) and lower-cased. Issue it at the top of the transaction, never inside a savepoint: Citus
 * drops a SET LOCAL made in a savepoint that is later released.
 */
export function setLocalTenantSql(tenantId: string): string {
  if (!UUID.test(tenantId)) {
    throw new Error('withTenant needs a tenant id; refusing to run an unscoped query');
  }
  return `SET LOCAL app.tenant_id = '${tenantId.toLowerCase()}'`;
}

/**
 * The one entry point for tenant-owned data: runs `work` in a transaction whose `app.tenant_id`
 * is set transaction-locally (safe with pooled connections), so row-level security scopes every
 * query. A missing or malformed tenant id throws instead of running unscoped. `apiKeyId` names the
 * integration's key a request came with (`app.api_key_id`, set the same way), which audit rows record by default.
 */
export async function withTenant<T>(
  dataSource: DataSource,
  tenantId: string,
  work: (manager: EntityManager) => Promise<T>,
  { apiKeyId }: { apiKeyId?: string } = {},
): Promise<T> {
  const setTenant = setLocalTenantSql(tenantId);
  if (apiKeyId !== undefined && !UUID.test(apiKeyId)) throw new Error('withTenant needs a key id in the shape of a UUID');
  return dataSource.transaction(async (manager) => {
    await manager.query(setTenant);
    if (apiKeyId) await manager.query(`SET LOCAL app.api_key_id = '${apiKeyId.toLowerCase()}'`);
    return work(manager);
  });
}
