import { newId, type Sql } from '../sql';

/**
 * A webhook endpoint written behind the API (no URL check, no secret that signs): for routes that
 * need one to exist. `disabled` keeps the worker from ever sending to it.
 */
export async function insertWebhookEndpoint(
  db: Sql,
  row: { tenantId: string; url?: string; events?: string[]; status?: 'active' | 'disabled' },
): Promise<string> {
  const id = newId();
  await db.query(`INSERT INTO webhook_endpoints (tenant_id, id, url, events, status) VALUES ($1, $2, $3, $4, $5)`, [
    row.tenantId,
    id,
    row.url ?? 'https://hooks.example.com/candor',
    row.events ?? ['member.joined'],
    row.status ?? 'disabled',
  ]);
  return id;
}

/** A webhook already sent (`delivered` or `failed`) with its one attempt in the endpoint's log; answers the webhook's id. */
export async function insertWebhookDelivery(
  db: Sql,
  row: { tenantId: string; endpointId: string; status?: 'delivered' | 'failed'; type?: string },
): Promise<string> {
  const id = newId();
  const type = row.type ?? 'member.joined';
  const delivered = (row.status ?? 'delivered') === 'delivered';
  await db.query(
    `INSERT INTO webhook_events (tenant_id, id, endpoint_id, type, payload, status, attempts, first_attempt_at, delivered_at)
     VALUES ($1, $2, $3, $4, $5, $6, 1, now(), CASE WHEN $7 THEN now() END)`,
    [
      row.tenantId,
      id,
      row.endpointId,
      type,
      JSON.stringify({ type, version: 1, timestamp: new Date().toISOString(), data: {} }),
      delivered ? 'delivered' : 'failed',
      delivered,
    ],
  );
  await db.query(
    `INSERT INTO webhook_deliveries (tenant_id, id, event_id, endpoint_id, attempt, succeeded, response_status, duration_ms, response_body)
     VALUES ($1, $2, $3, $4, 1, $5, $6, 42, $7)`,
    [row.tenantId, newId(), id, row.endpointId, delivered, delivered ? 200 : 500, delivered ? 'ok' : 'error'],
  );
  return id;
}
