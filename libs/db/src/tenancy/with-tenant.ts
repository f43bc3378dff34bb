import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

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
 * The statements that open a tenant transaction, sent as ONE simple-protocol query (a parameterless
 * query may hold several statements): `START TRANSACTION; SET LOCAL app.tenant_id = '…'` and, for a
 * request made with an API key, `SET LOCAL app.api_key_id = '…'`. One round trip instead of two or three.
 */
export function openTenantTransactionSql(tenantId: string, apiKeyId?: string): string {
  const statements = ['START TRANSACTION', setLocalTenantSql(tenantId)];
  if (apiKeyId !== undefined) {
    if (!UUID.test(apiKeyId)) throw new Error('withTenant needs a key id in the shape of a UUID');
    statements.push(`SET LOCAL app.api_key_id = '${apiKeyId.toLowerCase()}'`);
  }
  return statements.join('; ');
}

/**
 * The one entry point for tenant-owned data: runs `work` in a transaction whose `app.tenant_id`
 * is set transaction-locally (safe with pooled connections), so row-level security scopes every
 * query. A missing or malformed tenant id throws instead of running unscoped. `apiKeyId` names the
 * integration's key a request came with (`app.api_key_id`, set the same way), which audit rows record by default.
 *
 * TypeORM's own transaction bookkeeping is kept (nested `manager.transaction` still makes savepoints,
 * an error still rolls back): only the runner's first statement, TypeORM's `START TRANSACTION`, is
 * sent together with the SET LOCALs, so the tenant is set at the top of the transaction in the same
 * round trip (see `openTenantTransactionSql`).
 */
export async function withTenant<T>(
  dataSource: DataSource,
  tenantId: string,
  work: (manager: EntityManager) => Promise<T>,
  { apiKeyId }: { apiKeyId?: string } = {},
): Promise<T> {
  const opening = openTenantTransactionSql(tenantId, apiKeyId);
  const runner = dataSource.createQueryRunner();
  const query = runner.query.bind(runner) as (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;
  runner.query = ((sql: string, parameters?: unknown[], structured?: boolean) => {
    if (sql !== 'START TRANSACTION') return query(sql, parameters, structured);
    runner.query = query as QueryRunner['query'];
    return query(opening);
  }) as QueryRunner['query'];
  try {
    return await runner.manager.transaction(work);
  } finally {
    await runner.release();
  }
}
