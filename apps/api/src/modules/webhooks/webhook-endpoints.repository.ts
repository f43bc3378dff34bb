import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WebhookDeliveryResponse, WebhookEventResponse } from './dto/webhook-endpoint.response';

/** A signing secret as stored: sealed, with when it was made and, once rotated out, when it stops signing. */
export interface StoredSecret {
  sealed: string;
  createdAt: string;
  expiresAt: string | null;
}

export interface WebhookEndpointRow {
  id: string;
  url: string;
  description: string;
  events: string[];
  status: 'active' | 'disabled';
  disabledReason: string | null;
  failingSince: Date | null;
  secrets: StoredSecret[];
  createdAt: Date;
}

export interface EndpointChange {
  url?: string;
  description?: string;
  events?: string[];
  /** true: active (failures forgotten); false: disabled by the owner. */
  enabled?: boolean;
}

const ENDPOINT = `id, url, description, events, status, disabled_reason AS "disabledReason", failing_since AS "failingSince",
  secrets, created_at AS "createdAt"`;

/** A tenant's webhook endpoints, their webhooks and delivery log; every query takes the tenant transaction's manager and the tenant. */
@Injectable()
export class WebhookEndpointsRepository {
  list(manager: EntityManager, tenantId: string): Promise<WebhookEndpointRow[]> {
    return manager.query(`SELECT ${ENDPOINT} FROM webhook_endpoints WHERE tenant_id = $1 ORDER BY created_at, id`, [tenantId]);
  }

  async find(manager: EntityManager, tenantId: string, id: string, lock = false): Promise<WebhookEndpointRow | null> {
    const [row] = await manager.query<WebhookEndpointRow[]>(
      `SELECT ${ENDPOINT} FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [tenantId, id],
    );
    return row ?? null;
  }

  async insert(
    manager: EntityManager,
    tenantId: string,
    row: { id: string; url: string; description: string; events: string[]; secrets: StoredSecret[]; createdBy: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO webhook_endpoints (tenant_id, id, url, description, events, secrets, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [tenantId, row.id, row.url, row.description, row.events, JSON.stringify(row.secrets), row.createdBy],
    );
  }

  async update(manager: EntityManager, tenantId: string, id: string, change: EndpointChange): Promise<void> {
    await manager.query(
      `UPDATE webhook_endpoints SET url = coalesce($3, url), description = coalesce($4, description), events = coalesce($5, events),
         status = CASE WHEN $6::boolean IS NULL THEN status WHEN $6 THEN 'active' ELSE 'disabled' END,
         disabled_reason = CASE WHEN $6::boolean IS NULL THEN disabled_reason WHEN $6 THEN NULL ELSE 'owner' END,
         failing_since = CASE WHEN $6::boolean THEN NULL ELSE failing_since END,
         updated_at = now()
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, change.url ?? null, change.description ?? null, change.events ?? null, change.enabled ?? null],
    );
  }

  async setSecrets(manager: EntityManager, tenantId: string, id: string, secrets: StoredSecret[]): Promise<void> {
    await manager.query(`UPDATE webhook_endpoints SET secrets = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      id,
      JSON.stringify(secrets),
    ]);
  }

  /**
   * Deletes the endpoint and, by cascade, its events and their log. Locks the endpoint, then its events: the
   * worker records an outcome in the same order (apps/worker webhook-ledger), so the two never deadlock.
   */
  async remove(manager: EntityManager, tenantId: string, id: string): Promise<void> {
    await manager.query(`DELETE FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  }

  /** The endpoint's attempts, newest first, with each webhook's state now. */
  deliveries(manager: EntityManager, tenantId: string, endpointId: string, limit: number): Promise<WebhookDeliveryResponse[]> {
    return manager.query(
      `SELECT d.id, d.event_id AS "eventId", e.type, d.attempt, d.succeeded, d.response_status AS "responseStatus",
              d.duration_ms AS "durationMs", d.response_body AS "responseBody", d.error, e.status AS "eventStatus",
              CASE WHEN e.status = 'pending' THEN e.next_attempt_at END AS "nextAttemptAt", d.created_at AS "createdAt"
       FROM webhook_deliveries d JOIN webhook_events e ON e.tenant_id = d.tenant_id AND e.id = d.event_id
       WHERE d.tenant_id = $1 AND d.endpoint_id = $2
       ORDER BY d.created_at DESC, d.id DESC LIMIT $3`,
      [tenantId, endpointId, limit],
    );
  }

  async findEvent(manager: EntityManager, tenantId: string, id: string): Promise<WebhookEventResponse | null> {
    const [row] = await manager.query<WebhookEventResponse[]>(
      `SELECT id, endpoint_id AS "endpointId", type, status, attempts, created_at AS "createdAt" FROM webhook_events WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    return row ?? null;
  }

  /** Sends a finished webhook again, same id, with a fresh retry budget; false when it is still on its way. */
  async redeliver(manager: EntityManager, tenantId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `WITH again AS (
         UPDATE webhook_events SET status = 'pending', resends = resends + 1, attempts = 0, first_attempt_at = NULL, next_attempt_at = NULL,
                lease_until = NULL, queued_at = NULL, delivered_at = NULL
         WHERE tenant_id = $1 AND id = $2 AND status IN ('delivered', 'failed') RETURNING id)
       SELECT id FROM again`,
      [tenantId, id],
    );
    return rows.length === 1;
  }
}
