import type { EntityManager } from 'typeorm';
import { WEBHOOK_PAYLOAD_VERSION } from '@candor/domain';
import { SqlParams } from '../sql/sql-params';

/** The body every webhook carries: its type, the payload's shape version, when it happened, and the object as staff see it. */
export interface WebhookPayload {
  type: string;
  version: number;
  timestamp: string;
  data: unknown;
}

/**
 * Writes one webhook row per active endpoint of the tenant subscribed to `type`, inside the caller's
 * transaction: the webhook exists if and only if the change committed. The row's id is the
 * `webhook-id` every attempt and redelivery carries. `endpointId` narrows it to one endpoint
 * whatever it subscribes to (a test event). Returns the rows' ids.
 */
export async function emitWebhookEvent(
  manager: EntityManager,
  tenantId: string,
  type: string,
  data: unknown,
  endpointId: string | null = null,
): Promise<string[]> {
  const params = new SqlParams();
  const rows: { id: string }[] = await manager.query(
    `${webhookEventSql(params.bind, tenantId, type, data, endpointId)} RETURNING id`,
    params.values,
  );
  return rows.map((r) => r.id);
}

/** The INSERT of `emitWebhookEvent` (without RETURNING), to write in a CTE of the change's own statement. */
export function webhookEventSql(
  bind: (value: unknown) => string,
  tenantId: string,
  type: string,
  data: unknown,
  endpointId: string | null = null,
): string {
  const payload: WebhookPayload = { type, version: WEBHOOK_PAYLOAD_VERSION, timestamp: new Date().toISOString(), data };
  const kind = bind(type);
  const endpoint = bind(endpointId);
  return `INSERT INTO webhook_events (tenant_id, id, endpoint_id, type, payload)
     SELECT e.tenant_id, gen_random_uuid(), e.id, ${kind}, ${bind(JSON.stringify(payload))}::jsonb FROM webhook_endpoints e
     WHERE e.tenant_id = ${bind(tenantId)} AND e.status = 'active'
       AND (CASE WHEN ${endpoint}::uuid IS NULL THEN ${kind} = ANY (e.events) ELSE e.id = ${endpoint}::uuid END)`;
}
