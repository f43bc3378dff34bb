import type { Client } from 'pg';
import { allocate } from './stats';

/**
 * The dataset, built inside PostgreSQL with multi-row INSERT ... SELECT over generate_series (no
 * round trips per row). Tenant sizes follow 1/rank: the biggest of 100 tenants holds ~19% of the
 * data, the smallest ~0.2%. Helper tables in the `bench` schema (owner only) remember who is who, so
 * the work logs can grow from the small size to the large one with the same spread.
 */
export interface DatasetShape {
  tenants: number;
  clientAccounts: number;
}

const ENGAGEMENTS_PER_CLIENT = 2;
const SLOTS = 100_000;
/** Share of work logs left as drafts, which a client never sees. */
const DRAFT_SHARE = 0.05;

/** Work logs a client sees, on average, when `workLogs` are spread over `clientAccounts` (the fill of a first page). */
export const visibleWorkLogsPerClient = (workLogs: number, clientAccounts: number) => (workLogs * (1 - DRAFT_SHARE)) / clientAccounts;

export async function generateBase(db: Client, shape: DatasetShape): Promise<void> {
  const weights = Array.from({ length: shape.tenants }, (_, i) => 1 / (i + 1));
  const clients = allocate(shape.clientAccounts, weights, 2);
  const assistants = allocate(Math.round(shape.clientAccounts * 0.3), weights, 2);
  const slots = allocate(SLOTS, weights, 1);
  await db.query(`SET synchronous_commit = off`);
  await db.query(`SELECT setseed(0.42)`);
  await db.query(`DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench`);
  await db.query(
    `CREATE TABLE bench.tenants AS
    SELECT n, gen_random_uuid() AS id, w AS weight, c AS clients, a AS assistants, s AS slots
    FROM unnest($1::int[], $2::float8[], $3::int[], $4::int[], $5::int[]) AS x(n, w, c, a, s)`,
    [weights.map((_, i) => i + 1), weights, clients, assistants, slots],
  );
  await db.query(`INSERT INTO tenants (id, name, slug, default_locale, time_zone)
    SELECT id, 'Bench Agency ' || n, 'bench-' || n, 'en', 'UTC' FROM bench.tenants`);
  await db.query(`CREATE TABLE bench.clients AS
    SELECT gen_random_uuid() AS id, t.id AS tenant_id, k FROM bench.tenants t, generate_series(0, t.clients - 1) k`);
  await db.query(`INSERT INTO client_accounts (tenant_id, id, name, billing_email)
    SELECT tenant_id, id, 'Client ' || k, 'billing-' || id || '@client.bench.test' FROM bench.clients`);
  await db.query(`CREATE TABLE bench.users AS
    SELECT gen_random_uuid() AS id, t.id AS tenant_id, 'owner'::text AS role, NULL::uuid AS client_account_id, 0 AS k FROM bench.tenants t
    UNION ALL SELECT gen_random_uuid(), t.id, 'manager', NULL, 0 FROM bench.tenants t
    UNION ALL SELECT gen_random_uuid(), t.id, 'assistant', NULL, k FROM bench.tenants t, generate_series(0, t.assistants - 1) k
    UNION ALL SELECT gen_random_uuid(), c.tenant_id, 'client_admin', c.id, c.k FROM bench.clients c
    UNION ALL SELECT gen_random_uuid(), c.tenant_id, 'client_member', c.id, c.k FROM bench.clients c`);
  await db.query(`INSERT INTO users (id, email, display_name, password_hash, locale)
    SELECT id, role || '-' || id || '@bench.candor.test', initcap(replace(role, '_', ' ')) || ' ' || k, '$bench$no-login', 'en' FROM bench.users`);
  await db.query(`INSERT INTO memberships (tenant_id, id, user_id, role, client_account_id)
    SELECT tenant_id, gen_random_uuid(), id, role, client_account_id FROM bench.users`);
  await db.query(`CREATE TABLE bench.engagements AS
    SELECT gen_random_uuid() AS id, c.tenant_id, c.id AS client_account_id, c.k * ${ENGAGEMENTS_PER_CLIENT} + g AS k,
           a1.id AS a1, a2.id AS a2
    FROM bench.clients c CROSS JOIN generate_series(0, ${ENGAGEMENTS_PER_CLIENT - 1}) g
    JOIN bench.tenants t ON t.id = c.tenant_id
    JOIN bench.users a1 ON a1.tenant_id = c.tenant_id AND a1.role = 'assistant' AND a1.k = (c.k * ${ENGAGEMENTS_PER_CLIENT} + g) % t.assistants
    JOIN bench.users a2 ON a2.tenant_id = c.tenant_id AND a2.role = 'assistant' AND a2.k = (c.k * ${ENGAGEMENTS_PER_CLIENT} + g + 1) % t.assistants`);
  await db.query(`INSERT INTO engagements (tenant_id, id, client_account_id, name, currency)
    SELECT tenant_id, id, client_account_id, 'Engagement ' || k, 'USD' FROM bench.engagements`);
  await db.query(`INSERT INTO engagement_assistants (tenant_id, engagement_id, user_id)
    SELECT tenant_id, id, a1 FROM bench.engagements UNION SELECT tenant_id, id, a2 FROM bench.engagements`);
  await db.query(`INSERT INTO engagement_rates (tenant_id, id, engagement_id, effective_from, hourly_rate, created_by)
    SELECT e.tenant_id, gen_random_uuid(), e.id, DATE '2020-01-01', 45.00, o.id
    FROM bench.engagements e JOIN bench.users o ON o.tenant_id = e.tenant_id AND o.role = 'owner'`);
  // A row lands on a uniformly drawn slot; a tenant's share of slots is its weight.
  await db.query(`CREATE TABLE bench.slots AS
    SELECT (row_number() OVER (ORDER BY t.n, j) - 1)::int AS slot, e.tenant_id, e.id AS engagement_id, e.client_account_id, e.a1, e.a2
    FROM bench.tenants t CROSS JOIN generate_series(0, t.slots - 1) j
    JOIN bench.engagements e ON e.tenant_id = t.id AND e.k = j % (t.clients * ${ENGAGEMENTS_PER_CLIENT})`);
  await db.query(`ALTER TABLE bench.slots ADD PRIMARY KEY (slot)`);
}

/**
 * Work logs number `from`..`to` (1-based), all finished, starting between 731 and 31 days ago (the
 * last 30 days stay free for the create scenario): 5% drafts, the rest submitted, disputed or locked.
 */
export async function generateWorkLogs(db: Client, from: number, to: number): Promise<void> {
  const total = (await db.query<{ n: string }>(`SELECT count(*) AS n FROM bench.slots`)).rows[0]!.n;
  await db.query(`SET synchronous_commit = off`);
  const batch = 250_000;
  for (let a = from; a <= to; a += batch) {
    const b = Math.min(to, a + batch - 1);
    await db.query(
      `INSERT INTO work_logs (tenant_id, id, engagement_id, client_account_id, assistant_id, source, status, started_at, ended_at, duration_seconds,
                              notes, billable, hourly_rate, created_at, updated_at)
       SELECT s.tenant_id, gen_random_uuid(), s.engagement_id, s.client_account_id, CASE WHEN r.r2 < 0.5 THEN s.a1 ELSE s.a2 END,
              CASE WHEN r.r2 < 0.3 THEN 'timer' ELSE 'manual' END,
              CASE WHEN r.r3 < ${DRAFT_SHARE} THEN 'draft' WHEN r.r3 < 0.20 THEN 'submitted' WHEN r.r3 < 0.22 THEN 'disputed' ELSE 'locked' END,
              r.st, r.st + make_interval(secs => r.dur), r.dur,
              'Worked through the inbox, scheduled ' || (r.g % 97) || ' follow-ups and updated the client tracker',
              r.r3 >= 0.08, 45.00, r.st, r.st
       FROM (SELECT g, random() AS r1, random() AS r2, random() AS r3,
                    date_trunc('second', now() - interval '31 days' - random() * interval '700 days') AS st,
                    (900 + floor(random() * 13500))::int AS dur
             FROM generate_series($1::int, $2::int) g) r
       JOIN bench.slots s ON s.slot = floor(r.r1 * $3)::int`,
      [a, b, total],
    );
  }
  // VACUUM as autovacuum would have by the time a table holds this much: the first reads of freshly loaded
  // rows would otherwise set their hint bits (writing pages back) while the reads are being measured.
  await db.query(`VACUUM (ANALYZE) work_logs`);
}

/**
 * Writes every dirty page out before anything is measured. Loading a million rows leaves shared buffers
 * full of dirty pages and a checkpoint in progress: the first scenario measured after it would pay for
 * the load, evicting dirty buffers (each eviction flushes WAL first) while the checkpoint writes.
 */
export async function settle(db: Client): Promise<void> {
  await db.query('CHECKPOINT');
}

const STATUSES = `ARRAY['disclosed', 'acknowledged', 'remedy_proposed', 'in_remediation', 'resolved', 'closed']`;
const CATEGORIES = `ARRAY['missed_deadline', 'copy_error', 'misunderstood_brief', 'double_booking', 'missed_sign_off', 'data_handling', 'other']`;

/** Disclosures with the same spread; 3% are drafts discovered in the last 12 hours (inside the default deadline). */
export async function generateDisclosures(db: Client, count: number): Promise<void> {
  const total = (await db.query<{ n: string }>(`SELECT count(*) AS n FROM bench.slots`)).rows[0]!.n;
  await db.query(
    `INSERT INTO disclosures (tenant_id, id, engagement_id, client_account_id, author_id, category, severity, detected_by, status,
                              what_happened, impact, apology, remedy_plan, root_cause, occurred_at, discovered_at, disclosed_at,
                              disclosed_by, time_to_disclose_seconds, created_at, updated_at)
     SELECT s.tenant_id, gen_random_uuid(), s.engagement_id, s.client_account_id, s.a1,
            (${CATEGORIES})[1 + floor(r.r2 * 7)::int], (ARRAY['low', 'medium', 'high', 'critical'])[1 + floor(r.r3 * 4)::int], 'self',
            CASE WHEN r.draft THEN 'draft' ELSE (${STATUSES})[1 + floor(r.r2 * 6)::int] END,
            'We sent the weekly newsletter to the wrong segment (' || r.g || '); it reached 40 contacts who had unsubscribed.',
            'Some subscribers received an email they had opted out of.', 'We are sorry: this should not have happened.',
            'We will apologise to each contact and add a segment check before sending.', 'No second check of the segment before sending.',
            r.at - interval '2 hours', r.at, CASE WHEN r.draft THEN NULL ELSE r.at + interval '3 hours' END,
            CASE WHEN r.draft THEN NULL ELSE s.a1 END, CASE WHEN r.draft THEN NULL ELSE 10800 END, r.at, r.at
     FROM (SELECT g, random() AS r1, random() AS r2, random() AS r3, random() < 0.03 AS draft,
                  now() - interval '31 days' - random() * interval '700 days' AS old_at, now() - random() * interval '12 hours' AS new_at
           FROM generate_series(1, $1::int) g) q
     CROSS JOIN LATERAL (SELECT q.g, q.r1, q.r2, q.r3, q.draft, CASE WHEN q.draft THEN q.new_at ELSE q.old_at END AS at) r
     JOIN bench.slots s ON s.slot = floor(r.r1 * $2)::int`,
    [count, total],
  );
  await db.query(`VACUUM (ANALYZE) disclosures`);
}

/** Draft disclosures to disclose one by one, in ten mid-sized tenants (ranks 5-14), discovered an hour ago. */
export async function generateDraftsToDisclose(db: Client, count: number): Promise<{ tenantId: string; id: string }[]> {
  const { rows } = await db.query<{ tenant_id: string; id: string }>(
    `INSERT INTO disclosures (tenant_id, id, engagement_id, client_account_id, author_id, category, severity, detected_by, status,
                              what_happened, impact, apology, remedy_plan, occurred_at, discovered_at)
     SELECT e.tenant_id, gen_random_uuid(), e.id, e.client_account_id, e.a1, 'copy_error', 'medium', 'self', 'draft',
            'We published the price list with last year''s prices (' || g || ').', 'Two orders were placed at the old price.',
            'We are sorry for the confusion this caused.', 'We will honour the old price for those orders and correct the list today.',
            now() - interval '2 hours', now() - interval '1 hour'
     FROM generate_series(1, $1::int) g
     JOIN bench.tenants t ON t.n = 5 + g % 10
     JOIN bench.engagements e ON e.tenant_id = t.id AND e.k = (g / 10) % (t.clients * ${ENGAGEMENTS_PER_CLIENT})
     RETURNING tenant_id, id`,
    [count],
  );
  return rows.map((r) => ({ tenantId: r.tenant_id, id: r.id }));
}

/**
 * One engagement (its own tenant, 30 assistants) with `count` one-minute entries in January of last
 * year: the month exported as CSV.
 */
export async function generateExportMonth(
  db: Client,
  count: number,
): Promise<{ tenantId: string; engagementId: string; ownerId: string; start: string }> {
  const { rows } = await db.query<{ tenant_id: string; engagement_id: string; owner_id: string; start: string }>(
    `WITH t AS (INSERT INTO tenants (id, name, slug) VALUES (gen_random_uuid(), 'Bench Export Agency', 'bench-export') RETURNING id),
          c AS (INSERT INTO client_accounts (tenant_id, id, name) SELECT id, gen_random_uuid(), 'Export Client' FROM t RETURNING tenant_id, id),
          e AS (INSERT INTO engagements (tenant_id, id, client_account_id, name, currency) SELECT tenant_id, gen_random_uuid(), id, 'Export', 'USD' FROM c
                RETURNING tenant_id, id),
          u AS (INSERT INTO users (id, email, display_name, password_hash)
                SELECT gen_random_uuid(), 'export-' || k || '-' || gen_random_uuid() || '@bench.candor.test', 'Export ' || k, '$bench$no-login'
                FROM generate_series(0, 30) k RETURNING id, display_name)
     SELECT e.tenant_id, e.id AS engagement_id, (SELECT id FROM u WHERE display_name = 'Export 0') AS owner_id,
            to_char(date_trunc('year', now()) - interval '1 year', 'YYYY-MM-DD') AS start
     FROM e`,
  );
  const row = rows[0]!;
  await db.query(
    `INSERT INTO memberships (tenant_id, id, user_id, role)
     SELECT $1, gen_random_uuid(), id, CASE WHEN display_name = 'Export 0' THEN 'owner' ELSE 'assistant' END
     FROM users WHERE display_name LIKE 'Export %' AND email LIKE 'export-%@bench.candor.test'`,
    [row.tenant_id],
  );
  await db.query(`CREATE TABLE bench.export_assistants AS
    SELECT (row_number() OVER (ORDER BY display_name) - 1)::int AS k, id FROM users
    WHERE email LIKE 'export-%@bench.candor.test' AND display_name <> 'Export 0'`);
  await db.query(`SET synchronous_commit = off`);
  const batch = 250_000;
  // Ids from the series, not random: lines that start together are ordered by id, so the export's
  // bytes (and its sha256) are the same in every run and can be compared across changes.
  for (let a = 0; a < count; a += batch) {
    await db.query(
      `INSERT INTO work_logs (tenant_id, id, engagement_id, client_account_id, assistant_id, source, status, started_at, ended_at, duration_seconds,
                              notes, billable, hourly_rate)
       SELECT $1, ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, $2, e.client_account_id, x.id, 'manual', 'locked',
              st, st + interval '60 seconds', 60, 'Sorted "receipts", filed, and reconciled batch ' || g, true, 45.00
       FROM generate_series($3::int, $4::int) g
       JOIN engagements e ON e.tenant_id = $1 AND e.id = $2
       JOIN bench.export_assistants x ON x.k = g % 30
       CROSS JOIN LATERAL (SELECT $5::timestamptz + (g / 30) * interval '75 seconds' AS st) s`,
      [row.tenant_id, row.engagement_id, a, Math.min(count, a + batch) - 1, `${row.start}T00:00:00Z`],
    );
  }
  await db.query(`ANALYZE work_logs`);
  return { tenantId: row.tenant_id, engagementId: row.engagement_id, ownerId: row.owner_id, start: row.start };
}
