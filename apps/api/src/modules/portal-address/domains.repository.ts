import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Scope } from '@candor/domain';

export type DomainStatus = 'pending' | 'active';

/** A row of tenant_domains, as the service reads it. */
export interface DomainRow {
  id: string;
  hostname: string;
  verificationToken: string;
  status: DomainStatus;
  verifiedAt: Date | null;
  lastCheckedAt: Date | null;
  lastError: string | null;
  createdAt: Date;
}

const COLUMNS = `id, hostname, verification_token AS "verificationToken", status, verified_at AS "verifiedAt",
  last_checked_at AS "lastCheckedAt", last_error AS "lastError", created_at AS "createdAt"`;

/**
 * The tenant's custom domains; every query takes the tenant transaction's manager. Domains belong to the
 * whole workspace: only a tenant-wide scope sees them (a narrower one finds nothing).
 */
@Injectable()
export class DomainsRepository {
  list(manager: EntityManager, scope: Scope): Promise<DomainRow[]> {
    if (scope.kind !== 'tenant') return Promise.resolve([]);
    return manager.query(`SELECT ${COLUMNS} FROM tenant_domains WHERE tenant_id = $1 ORDER BY created_at, id`, [scope.tenantId]);
  }

  find(manager: EntityManager, scope: Scope, filter: { id: string }): Promise<DomainRow[]> {
    if (scope.kind !== 'tenant') return Promise.resolve([]);
    return manager.query(`SELECT ${COLUMNS} FROM tenant_domains WHERE tenant_id = $1 AND id = $2`, [scope.tenantId, filter.id]);
  }

  async lock(manager: EntityManager, tenantId: string, id: string): Promise<void> {
    await manager.query(`SELECT 1 FROM tenant_domains WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]);
  }

  async count(manager: EntityManager, tenantId: string): Promise<number> {
    const [row] = await manager.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM tenant_domains WHERE tenant_id = $1`, [tenantId]);
    return row?.n ?? 0;
  }

  async insert(manager: EntityManager, row: { tenantId: string; id: string; hostname: string; verificationToken: string }): Promise<void> {
    await manager.query(`INSERT INTO tenant_domains (tenant_id, id, hostname, verification_token) VALUES ($1, $2, $3, $4)`, [
      row.tenantId,
      row.id,
      row.hostname,
      row.verificationToken,
    ]);
  }

  /** Records a check: active from now when it passed, else still pending with the reason. */
  async recordCheck(
    manager: EntityManager,
    tenantId: string,
    id: string,
    outcome: { passed: boolean; error: string | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE tenant_domains SET last_checked_at = now(), last_error = $3,
         status = CASE WHEN $4 THEN 'active' ELSE status END,
         verified_at = CASE WHEN $4 THEN coalesce(verified_at, c.t) ELSE verified_at END
       FROM (SELECT now() AS t) c
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, outcome.error, outcome.passed],
    );
  }

  async delete(manager: EntityManager, tenantId: string, id: string): Promise<void> {
    await manager.query(`DELETE FROM tenant_domains WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  }
}
