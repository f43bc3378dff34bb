import type { MigrationInterface, QueryRunner } from 'typeorm';

const CURRENT_TENANT = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;

/**
 * Outbound webhooks (Standard Webhooks).
 *
 * - webhook_endpoints: where a tenant wants events sent (URL, event types, description), its signing
 *   secrets (sealed with DATA_ENCRYPTION_KEY; each with `createdAt` and, once rotated out, `expiresAt`:
 *   signing uses every unexpired one, so a receiver may roll over during the overlap), `active` or
 *   `disabled` (by the owner, or by the worker after failing for days: `failing_since`).
 * - webhook_events: the outbox of webhooks, one row per endpoint per event, written in the change's
 *   transaction. Its id is the `webhook-id` header, kept by retries and redeliveries. States and claim
 *   mirror the notifications outbox: pending -> queued -> sending -> delivered | failed.
 * - webhook_deliveries: one row per attempt (status code, duration, the first KiB of the answer, error).
 */
export class Webhooks1765500000000 implements MigrationInterface {
  name = 'Webhooks1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE webhook_endpoints (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      url text NOT NULL CHECK (length(url) <= 2000),
      description text NOT NULL DEFAULT '' CHECK (length(description) <= 500),
      events text[] NOT NULL CHECK (cardinality(events) >= 1),
      secrets jsonb NOT NULL DEFAULT '[]',
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
      disabled_reason text CHECK (length(disabled_reason) <= 500),
      failing_since timestamptz,
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id))`);
    await q.query(`CREATE INDEX webhook_endpoints_active_idx ON webhook_endpoints (tenant_id) WHERE status = 'active'`);

    await q.query(`CREATE TABLE webhook_events (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      endpoint_id uuid NOT NULL,
      type text NOT NULL CHECK (length(type) <= 100),
      payload jsonb NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'queued', 'sending', 'delivered', 'failed')),
      attempts int NOT NULL DEFAULT 0,
      resends int NOT NULL DEFAULT 0,
      first_attempt_at timestamptz,
      next_attempt_at timestamptz,
      queued_at timestamptz,
      lease_until timestamptz,
      delivered_at timestamptz,
      last_error text CHECK (length(last_error) <= 1000),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, endpoint_id) REFERENCES webhook_endpoints (tenant_id, id) ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX webhook_events_endpoint_idx ON webhook_events (tenant_id, endpoint_id, created_at DESC)`);
    await q.query(`CREATE INDEX webhook_events_fresh_idx ON webhook_events (created_at) WHERE status = 'pending' AND next_attempt_at IS NULL`);
    await q.query(`CREATE INDEX webhook_events_retry_due_idx ON webhook_events (next_attempt_at) WHERE status = 'pending' AND next_attempt_at IS NOT NULL`);
    await q.query(`CREATE INDEX webhook_events_queued_idx ON webhook_events (queued_at) WHERE status = 'queued'`);
    await q.query(`CREATE INDEX webhook_events_lease_idx ON webhook_events (lease_until) WHERE status = 'sending'`);

    await q.query(`CREATE TABLE webhook_deliveries (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      event_id uuid NOT NULL,
      endpoint_id uuid NOT NULL,
      attempt int NOT NULL,
      succeeded boolean NOT NULL,
      response_status int,
      duration_ms int NOT NULL,
      response_body text CHECK (length(response_body) <= 1024),
      error text CHECK (length(error) <= 1000),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, event_id) REFERENCES webhook_events (tenant_id, id) ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (tenant_id, endpoint_id, created_at DESC)`);

    for (const table of ['webhook_endpoints', 'webhook_events', 'webhook_deliveries']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`);
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_endpoints TO candor_runtime`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON webhook_events, webhook_deliveries TO candor_runtime`);

    // The relay's claim across tenants, the same contract as outbox_claim_due (see 1764700000000).
    await q.query(`CREATE FUNCTION webhook_claim_due(p_limit int, p_queued_stale interval)
      RETURNS TABLE (tenant_id uuid, id uuid, resends int, attempts int, was_queued boolean)
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        WITH fresh AS (
          SELECT tenant_id, id, status, created_at FROM webhook_events
          WHERE status = 'pending' AND next_attempt_at IS NULL
          ORDER BY created_at LIMIT p_limit FOR UPDATE SKIP LOCKED
        ), retry AS (
          SELECT tenant_id, id, status, created_at FROM webhook_events
          WHERE status = 'pending' AND next_attempt_at IS NOT NULL AND next_attempt_at <= now()
          ORDER BY next_attempt_at LIMIT p_limit FOR UPDATE SKIP LOCKED
        ), stale AS (
          SELECT tenant_id, id, status, created_at FROM webhook_events
          WHERE status = 'queued' AND queued_at < now() - p_queued_stale
          ORDER BY queued_at LIMIT p_limit FOR UPDATE SKIP LOCKED
        ), expired AS (
          SELECT tenant_id, id, status, created_at FROM webhook_events
          WHERE status = 'sending' AND lease_until < now()
          ORDER BY lease_until LIMIT p_limit FOR UPDATE SKIP LOCKED
        ), due AS (
          SELECT * FROM fresh UNION ALL SELECT * FROM retry UNION ALL SELECT * FROM stale UNION ALL SELECT * FROM expired
          ORDER BY created_at LIMIT p_limit
        )
        UPDATE webhook_events e SET status = 'queued', queued_at = now(), lease_until = NULL
        FROM due c
        WHERE e.tenant_id = c.tenant_id AND e.id = c.id
        RETURNING e.tenant_id, e.id, e.resends, e.attempts, c.status = 'queued' $$`);
    await q.query(`CREATE FUNCTION webhook_release(p_tenant_ids uuid[], p_ids uuid[])
      RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        UPDATE webhook_events e SET status = 'pending', queued_at = NULL
        FROM unnest(p_tenant_ids, p_ids) AS r(tenant_id, id)
        WHERE e.tenant_id = r.tenant_id AND e.id = r.id AND e.status = 'queued' $$`);
    for (const fn of ['webhook_claim_due(int, interval)', 'webhook_release(uuid[], uuid[])']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO candor_runtime`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION webhook_release(uuid[], uuid[])`);
    await q.query(`DROP FUNCTION webhook_claim_due(int, interval)`);
    await q.query(`DROP TABLE webhook_deliveries, webhook_events, webhook_endpoints`);
  }
}
