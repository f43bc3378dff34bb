import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relays' claims (`outbox_claim_due`, `webhook_claim_due`) find their rows by an index or by their address,
 * whatever the statistics say. Two statements in them did not, and a burst of emails made both grow with the outbox:
 *
 * 1. Marking a tenant's due rows queued joined them back to the table (`UPDATE ... FROM due c WHERE r.tenant_id =
 *    v_tenant AND r.id = c.id`). Statistics taken while the table was small (ANALYZE runs after the change, or never
 *    on a server with autovacuum off) put a tenant at 2 rows, so PostgreSQL read all the tenant's rows for each due
 *    row: in a burst of 10,000 emails of one tenant, 9,600 rows x 200 due rows, 2.2 million pages and 1.5-5 s per
 *    claim of 200, with PostgreSQL busy on two cores for 20-30 s while the API's reads waited. `id = ANY(...)` is no
 *    cure: on the same statistics it reads the tenant's rows once and filters them, and so does `ctid = ANY(...)`; nor
 *    is the primary key, which an empty table's statistics rank level with any index led by tenant_id. Each due row
 *    is now marked where the claim found and locked it, by its row address (`ctid = v_due.ctid`, a TID scan, which costs
 *    one row whatever the statistics), still naming its tenant; the lock holds the row in place until the transaction ends. It costs
 *    ~40 us a row more than the join on good statistics (50 claims of 200 on a kept 1M database, in one transaction:
 *    1,258 ms against 862 ms), and no longer 200 x the tenant's rows on bad ones.
 * 2. The read of which tenants have due rows OR-ed the four ways of being due into one statement: a BitmapOr of the
 *    four partial indexes and a visit of every heap row they point at. An index keeps an entry for each old version of
 *    a row until VACUUM, and a bitmap scan never marks one dead, so every tick visited every version the outbox had
 *    moved on from since the last VACUUM (a sent row leaves three). Each way is now read on its own (UNION ALL), with
 *    bitmap scans off, so by a plain index scan, which marks an entry dead when it meets a version no transaction can
 *    see any more (kill_prior_tuple), and the next tick skips it.
 *
 * Bitmap scans and parallel workers are off in these two functions, whose statements each read by one index. The
 * tenants read, their order, the fair shares, the locks and the rows claimed are the same as before; a tenant's rows
 * come back in their claim's order (oldest first). Under Citus each row's mark is a statement routed to its shard.
 * (CREATE OR REPLACE keeps the owner and the grants.)
 */
const CLAIM_DUE = [
  { fn: 'outbox_claim_due', table: 'notifications' },
  { fn: 'webhook_claim_due', table: 'webhook_events' },
] as const;

type Outbox = (typeof CLAIM_DUE)[number];

interface Body {
  readTenants: (table: string) => string;
  claimOneTenant: (table: string) => string;
  settings: string;
}

/** The four ways a row is due, each locking at most v_take of the tenant's rows, and at most v_take of them in all. */
const dueRows = (table: string, extra = '') => `WITH fresh AS (
          SELECT tenant_id, id, status, created_at${extra} FROM ${table}
          WHERE tenant_id = v_tenant AND status = 'pending' AND next_attempt_at IS NULL
          ORDER BY created_at LIMIT v_take FOR UPDATE SKIP LOCKED
        ), retry AS (
          SELECT tenant_id, id, status, created_at${extra} FROM ${table}
          WHERE tenant_id = v_tenant AND status = 'pending' AND next_attempt_at IS NOT NULL AND next_attempt_at <= v_now
          ORDER BY next_attempt_at LIMIT v_take FOR UPDATE SKIP LOCKED
        ), stale AS (
          SELECT tenant_id, id, status, created_at${extra} FROM ${table}
          WHERE tenant_id = v_tenant AND status = 'queued' AND queued_at < v_now - p_queued_stale
          ORDER BY queued_at LIMIT v_take FOR UPDATE SKIP LOCKED
        ), expired AS (
          SELECT tenant_id, id, status, created_at${extra} FROM ${table}
          WHERE tenant_id = v_tenant AND status = 'sending' AND lease_until < v_now
          ORDER BY lease_until LIMIT v_take FOR UPDATE SKIP LOCKED
        ), due AS (
          SELECT * FROM fresh UNION ALL SELECT * FROM retry UNION ALL SELECT * FROM stale UNION ALL SELECT * FROM expired
          ORDER BY created_at LIMIT v_take
        )`;

const BEFORE: Body = {
  readTenants: (table) => `SELECT array_agg(w.tenant_id ORDER BY w.oldest) INTO v_tenants
        FROM (SELECT tenant_id, min(created_at) AS oldest FROM ${table}
              WHERE ((status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= v_now))
                OR (status = 'queued' AND queued_at < v_now - p_queued_stale)
                OR (status = 'sending' AND lease_until < v_now))
              GROUP BY tenant_id ORDER BY oldest LIMIT p_limit) w;`,
  claimOneTenant: (table) => `RETURN QUERY ${dueRows(table)}
        UPDATE ${table} r SET status = 'queued', queued_at = v_now, lease_until = NULL
        FROM due c
        WHERE r.tenant_id = v_tenant AND r.tenant_id = c.tenant_id AND r.id = c.id
        RETURNING r.tenant_id, r.id, r.resends, r.attempts, c.status = 'queued';
          GET DIAGNOSTICS v_got = ROW_COUNT;`,
  settings: '',
};

const AFTER: Body = {
  readTenants: (table) => `SELECT array_agg(w.tenant_id ORDER BY w.oldest) INTO v_tenants
        FROM (SELECT d.tenant_id, min(d.oldest) AS oldest
              FROM (SELECT tenant_id, min(created_at) AS oldest FROM ${table}
                    WHERE status = 'pending' AND next_attempt_at IS NULL GROUP BY tenant_id
                    UNION ALL
                    SELECT tenant_id, min(created_at) FROM ${table}
                    WHERE status = 'pending' AND next_attempt_at IS NOT NULL AND next_attempt_at <= v_now GROUP BY tenant_id
                    UNION ALL
                    SELECT tenant_id, min(created_at) FROM ${table}
                    WHERE status = 'queued' AND queued_at < v_now - p_queued_stale GROUP BY tenant_id
                    UNION ALL
                    SELECT tenant_id, min(created_at) FROM ${table}
                    WHERE status = 'sending' AND lease_until < v_now GROUP BY tenant_id) d
              GROUP BY d.tenant_id ORDER BY oldest LIMIT p_limit) w;`,
  claimOneTenant: (table) => `v_got := 0;
          FOR v_due IN ${dueRows(table, ', ctid')} SELECT due.ctid, due.status = 'queued' AS requeued FROM due LOOP
            RETURN QUERY UPDATE ${table} r SET status = 'queued', queued_at = v_now, lease_until = NULL
            WHERE r.tenant_id = v_tenant AND r.ctid = v_due.ctid
            RETURNING r.tenant_id, r.id, r.resends, r.attempts, v_due.requeued;
            GET DIAGNOSTICS v_marked = ROW_COUNT;
            v_got := v_got + v_marked;
          END LOOP;`,
  settings: ' SET enable_bitmapscan = off SET max_parallel_workers_per_gather = 0',
};

function claimDue({ fn, table }: Outbox, body: Body): string {
  return `CREATE OR REPLACE FUNCTION ${fn}(p_limit int, p_queued_stale interval)
      RETURNS TABLE (tenant_id uuid, id uuid, resends int, attempts int, was_queued boolean)
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public${body.settings} AS $$
      #variable_conflict use_column
      DECLARE
        v_now timestamptz := now();
        v_tenants uuid[];
        v_full uuid[] := '{}';
        v_tenant uuid;
        v_share int;
        v_take int;
        v_left int := p_limit;
        v_got int;
        v_due record;
        v_marked int;
      BEGIN
        ${body.readTenants(table)}
        IF v_tenants IS NULL OR p_limit < 1 THEN RETURN; END IF;
        v_share := ceil(p_limit::numeric / cardinality(v_tenants))::int;
        FOREACH v_tenant IN ARRAY v_tenants LOOP
          EXIT WHEN v_left < 1;
          v_take := LEAST(v_share, v_left);
          ${body.claimOneTenant(table)}
          v_left := v_left - v_got;
          IF v_got = v_take THEN v_full := v_full || v_tenant; END IF;
        END LOOP;
        FOREACH v_tenant IN ARRAY v_full LOOP
          EXIT WHEN v_left < 1;
          v_take := v_left;
          ${body.claimOneTenant(table)}
          v_left := v_left - v_got;
        END LOOP;
      END $$`;
}

export class ClaimDueByIndex1766200000000 implements MigrationInterface {
  name = 'ClaimDueByIndex1766200000000';

  async up(q: QueryRunner): Promise<void> {
    for (const outbox of CLAIM_DUE) await q.query(claimDue(outbox, AFTER));
  }

  async down(q: QueryRunner): Promise<void> {
    // CREATE OR REPLACE sets every property it names and resets the others (the SETs of up), but keeps the grants.
    for (const outbox of CLAIM_DUE) await q.query(claimDue(outbox, BEFORE));
  }
}
