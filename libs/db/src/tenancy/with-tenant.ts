import type { DataSource, EntityManager } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one entry point for tenant-owned data: runs `work` in a transaction whose `app.tenant_id`
 * is set transaction-locally (safe with pooled connections), so row-level security scopes every
 * query. A missing or malformed tenant id throws instead of running unscoped. `apiKeyId` names the
 * integration's key a request came with (`app.api_key_id`), which audit rows record by default.
 */
export async function withTenant<T>(
  dataSource: DataSource,
  tenantId: string,
  work: (manager: EntityManager) => Promise<T>,
  { apiKeyId }: { apiKeyId?: string } = {},
): Promise<T> {
  if (!UUID.test(tenantId) || (apiKeyId !== undefined && !UUID.test(apiKeyId))) {
    throw new Error('withTenant needs a tenant id; refusing to run an unscoped query');
  }
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.api_key_id', $2, true)`, [tenantId, apiKeyId ?? '']);
    return work(manager);
  });
}
