import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ApiKeyScope, Scope } from '@candor/domain';
import type { ScopedRows } from '../../common/scoped-lookup';

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scope: ApiKeyScope;
  createdAt: Date;
  createdBy: { id: string; displayName: string };
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** What the request's lookup learns of a key before any tenant transaction exists. */
export interface ApiKeyActorRow {
  key_tenant_id: string;
  key_id: string;
  key_name: string;
  key_scope: ApiKeyScope;
  key_created_by: string;
  key_usable: boolean;
}

const COLUMNS = `k.id, k.name, k.prefix, k.scope, k.created_at AS "createdAt", k.last_used_at AS "lastUsedAt",
  k.expires_at AS "expiresAt", k.revoked_at AS "revokedAt", json_build_object('id', u.id, 'displayName', u.display_name) AS "createdBy"`;

/** Integrations' API keys; every query but the lookup by hash takes the tenant-scoped manager and the tenant. */
@Injectable()
export class ApiKeysRepository implements ScopedRows<ApiKeyRow> {
  /** The key of this hash (any tenant), through the security-definer function; notes its use at most once a minute. */
  async actor(manager: EntityManager, hash: string): Promise<ApiKeyActorRow | undefined> {
    const rows: ApiKeyActorRow[] = await manager.query('SELECT * FROM api_key_actor($1)', [hash]);
    return rows[0];
  }

  async insert(
    manager: EntityManager,
    row: {
      tenantId: string;
      id: string;
      name: string;
      prefix: string;
      hash: string;
      scope: ApiKeyScope;
      createdBy: string;
      expiresAt: Date | null;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO api_keys (tenant_id, id, name, prefix, hash, scope, created_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [row.tenantId, row.id, row.name, row.prefix, row.hash, row.scope, row.createdBy, row.expiresAt],
    );
  }

  /** The workspace's keys, newest first; revoked ones are kept (and shown) for the record. */
  list(manager: EntityManager, tenantId: string): Promise<ApiKeyRow[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM api_keys k JOIN users u ON u.id = k.created_by
        WHERE k.tenant_id = $1 ORDER BY k.revoked_at IS NOT NULL, k.created_at DESC, k.id LIMIT 200`,
      [tenantId],
    );
  }

  /** A key belongs to the whole workspace: any scope of the tenant holds it (the policy lets owners and managers only). */
  find(manager: EntityManager, scope: Scope, filter: { id: string }): Promise<ApiKeyRow[]> {
    return manager.query(`SELECT ${COLUMNS} FROM api_keys k JOIN users u ON u.id = k.created_by WHERE k.tenant_id = $1 AND k.id = $2`, [
      scope.tenantId,
      filter.id,
    ]);
  }

  async lock(manager: EntityManager, tenantId: string, id: string): Promise<void> {
    await manager.query('SELECT 1 FROM api_keys WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [tenantId, id]);
  }

  /** Revokes the key if it is not revoked yet; false when it was already. */
  async revoke(manager: EntityManager, tenantId: string, id: string, by: string): Promise<boolean> {
    const [, count]: [unknown, number] = await manager.query(
      `UPDATE api_keys SET revoked_at = now(), revoked_by = $3 WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL`,
      [tenantId, id, by],
    );
    return count === 1;
  }
}
