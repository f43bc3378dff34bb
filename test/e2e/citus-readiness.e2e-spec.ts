import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { setLocalTenantSql } from '@candor/db';
import { readTestEnv } from '../setup/test-env';
import { insertClientAccount, insertEngagement, insertMembership, insertTenant, insertUser, insertWorkLog } from '../support/factories';
import { withOwner } from '../support/owner-db';

/** The cross-tenant functions Citus must plan: PL/pgSQL, run as their owner, with a fixed search_path. */
const PLPGSQL_FUNCTIONS = [
  'portal_tenant',
  'auth_user_memberships',
  'overdue_timers',
  'overdue_disclosure_drafts',
  'due_offer_changes',
  'due_follow_ups',
  'deliverable_deadline_candidates',
  'held_notifications_due',
  'digest_readers_due',
  'outbox_release',
  'outbox_claim_due',
  'auth_session_actor',
  'auth_session_confirm',
  'auth_session_touch',
  'invoice_overdue_candidates',
  'webhook_release',
  'webhook_claim_due',
  'api_key_actor',
];

/** The relays' claims read by one index a statement (1766200000000-ClaimDueByIndex): no bitmap scans, no parallel workers. */
const PLAIN_INDEX_SCANS = ['enable_bitmapscan=off', 'max_parallel_workers_per_gather=0'];
const PLANNER_SETTINGS: Record<string, string[]> = { outbox_claim_due: PLAIN_INDEX_SCANS, webhook_claim_due: PLAIN_INDEX_SCANS };

/** The rows a plan read and discarded (by a filter, a join filter or an index recheck), over all its nodes. */
function rowsRemoved(node: Record<string, unknown>): number {
  const own = Object.entries(node)
    .filter(([key]) => key.startsWith('Rows Removed by'))
    .reduce((sum, [, value]) => sum + Number(value), 0);
  const children = [node['Plan'], ...((node['Plans'] as unknown[] | undefined) ?? [])].filter(Boolean) as Record<string, unknown>[];
  return own + children.reduce((sum, child) => sum + rowsRemoved(child), 0);
}

/** Triggers a tenant table may keep, with the reason Citus can live with it. None: Citus refuses to distribute a table with one. */
const ALLOWED_TRIGGERS: Record<string, string> = {};

/** A tenant with one assistant, two client accounts and an engagement on each. */
async function tenantWithTwoClients(owner: Client) {
  const tenantId = await insertTenant(owner, { name: 'Citus Agency', slug: `citus-${randomUUID().slice(0, 8)}` });
  const assistantId = await insertUser(owner, { email: `citus.${randomUUID()}@e2e.candor.test`, displayName: 'Ana', passwordHash: 'x' });
  await insertMembership(owner, { tenantId, userId: assistantId, role: 'assistant' });
  const clientA = await insertClientAccount(owner, { tenantId, name: 'Client A' });
  const clientB = await insertClientAccount(owner, { tenantId, name: 'Client B' });
  const engagementA = await insertEngagement(owner, { tenantId, clientAccountId: clientA, name: 'A' });
  const engagementB = await insertEngagement(owner, { tenantId, clientAccountId: clientB, name: 'B' });
  return { tenantId, assistantId, clientA, clientB, engagementA, engagementB };
}

describe('Citus readiness', () => {
  it('leaves no SQL-language function with parameters; the cross-tenant ones are PL/pgSQL, SECURITY DEFINER, search_path public', async () => {
    const { rows } = await withOwner((c) =>
      c.query<{ name: string; lang: string; args: number; definer: boolean; config: string[] | null }>(
        `SELECT p.proname AS name, l.lanname AS lang, p.pronargs AS args, p.prosecdef AS definer, p.proconfig AS config
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
         WHERE n.nspname = 'public'`,
      ),
    );
    expect(rows.filter((r) => r.lang === 'sql' && r.args > 0).map((r) => r.name)).toEqual([]);
    for (const name of PLPGSQL_FUNCTIONS) {
      const fn = rows.find((r) => r.name === name);
      expect({ name, lang: fn?.lang, definer: fn?.definer, config: fn?.config }).toEqual({
        name,
        lang: 'plpgsql',
        definer: true,
        config: ['search_path=public', ...(PLANNER_SETTINGS[name] ?? [])],
      });
    }
    expect(rows.map((r) => r.name)).not.toContain('outbox_claim');
    expect(rows.map((r) => r.name)).not.toContain('work_logs_fill_client_account');
  });

  it('keeps no trigger on a tenant table beyond the listed ones', async () => {
    const { rows } = await withOwner((c) =>
      c.query<{ tbl: string; trigger: string }>(
        `SELECT t.tgrelid::regclass::text AS tbl, t.tgname AS trigger FROM pg_trigger t
         JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE NOT t.tgisinternal AND n.nspname = 'public'
           AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)`,
      ),
    );
    expect(rows.filter((r) => !(r.trigger in ALLOWED_TRIGGERS))).toEqual([]);
  });

  it('docker/scale-out.md names every table and every key between tenant tables the catalog holds', async () => {
    const doc = readFileSync(join(__dirname, '..', '..', 'docker', 'scale-out.md'), 'utf8');
    const named = (pattern: RegExp) => [...doc.matchAll(pattern)].map((m) => m[1]).sort();
    const { tenantTables, otherTables, keys } = await withOwner(async (c) => {
      const tables = await c.query<{ name: string; tenant: boolean }>(
        `SELECT c.relname AS name, EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id') AS tenant
         FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' ORDER BY 1`,
      );
      // Keys of the tables listed: a Citus coordinator holding reference-table placements shows their keys in
      // pg_constraint but hides the placements themselves from pg_class.
      const fks = await c.query<{ name: string }>(
        `SELECT conname AS name FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace
           AND confrelid::regclass::text NOT IN ('tenants', 'users')
           AND conrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r') ORDER BY 1`,
      );
      return {
        tenantTables: tables.rows.filter((r) => r.tenant).map((r) => r.name),
        otherTables: tables.rows.filter((r) => !r.tenant).map((r) => r.name),
        keys: fks.rows.map((r) => r.name),
      };
    });
    // Tenant-owned but a reference table: its active host names are unique across tenants (read before sign-in).
    const referenceWithTenant = ['tenant_domains'];
    expect(named(/create_distributed_table\('(\w+)'/g)).toEqual(tenantTables.filter((t) => !referenceWithTenant.includes(t)).sort());
    expect([...named(/create_reference_table\('(\w+)'/g), 'migrations'].sort()).toEqual([...otherTables, ...referenceWithTenant].sort());
    expect(named(/DROP CONSTRAINT (\w+);/g)).toEqual([...keys].sort());
    expect(named(/ADD CONSTRAINT (\w+) FOREIGN KEY/g)).toEqual([...keys].sort());
  });

  describe("a work log's client account", () => {
    it('is written by the application from the engagement, under the tenant set with SET LOCAL', async () => {
      const t = await withOwner(tenantWithTwoClients);
      const app = new Client({ connectionString: readTestEnv().appUrl });
      await app.connect();
      try {
        await app.query('BEGIN');
        await app.query(setLocalTenantSql(t.tenantId));
        const id = await insertWorkLog(app, {
          tenantId: t.tenantId,
          engagementId: t.engagementB,
          assistantId: t.assistantId,
          startedAt: '2026-11-02T09:00:00Z',
          endedAt: '2026-11-02T10:00:00Z',
          hourlyRate: '40.00',
        });
        const { rows } = await app.query('SELECT client_account_id FROM work_logs WHERE tenant_id = $1 AND id = $2', [t.tenantId, id]);
        expect(rows).toEqual([{ client_account_id: t.clientB }]);
        await app.query('COMMIT');
      } finally {
        await app.end();
      }
    });

    it('is refused by the foreign key when it is not the engagement’s, on insert and on an engagement move', async () => {
      await withOwner(async (owner) => {
        const t = await tenantWithTwoClients(owner);
        const insert = (clientAccountId: string) =>
          owner.query(
            `INSERT INTO work_logs (tenant_id, id, engagement_id, client_account_id, assistant_id, source, status, started_at, ended_at,
                                    duration_seconds, notes, billable, hourly_rate)
             VALUES ($1, $2, $3, $4, $5, 'manual', 'draft', '2026-11-03T09:00:00Z', '2026-11-03T10:00:00Z', 3600, '', true, 40)`,
            [t.tenantId, randomUUID(), t.engagementA, clientAccountId, t.assistantId],
          );
        await expect(insert(t.clientB)).rejects.toThrow(/work_logs_engagement_client_account_fkey/);
        await insert(t.clientA);
        // Moving the entry without its client account is refused; with the new engagement's, it holds.
        await expect(
          owner.query(`UPDATE work_logs SET engagement_id = $2 WHERE tenant_id = $1 AND engagement_id = $3`, [
            t.tenantId,
            t.engagementB,
            t.engagementA,
          ]),
        ).rejects.toThrow(/work_logs_engagement_client_account_fkey/);
        const moved = await owner.query(
          `UPDATE work_logs w SET engagement_id = e.id, client_account_id = e.client_account_id
           FROM engagements e WHERE e.tenant_id = $1 AND e.id = $2 AND w.tenant_id = $1 AND w.engagement_id = $3`,
          [t.tenantId, t.engagementB, t.engagementA],
        );
        expect(moved.rowCount).toBe(1);
        // An engagement with work logs keeps its client account.
        await expect(
          owner.query(`UPDATE engagements SET client_account_id = $2 WHERE tenant_id = $1 AND id = $3`, [
            t.tenantId,
            t.clientA,
            t.engagementB,
          ]),
        ).rejects.toThrow(/work_logs_engagement_client_account_fkey/);
      });
    });
  });

  /** The relays' claims (emails, webhooks): one shape, each over its own outbox table. */
  const CLAIMS = [
    {
      claimFunction: 'outbox_claim_due',
      releaseFunction: 'outbox_release',
      table: 'notifications',
      addPending: async (c: Client, tenantId: string, count: number) => {
        await c.query(
          `INSERT INTO notifications (tenant_id, id, template, recipient_email, locale)
           SELECT $1, gen_random_uuid(), 'invitation', 'o' || i || '@e2e.candor.test', 'en' FROM generate_series(1, $2::int) i`,
          [tenantId, count],
        );
      },
    },
    {
      claimFunction: 'webhook_claim_due',
      releaseFunction: 'webhook_release',
      table: 'webhook_events',
      addPending: async (c: Client, tenantId: string, count: number) => {
        const endpointId = randomUUID();
        await c.query(
          `INSERT INTO webhook_endpoints (tenant_id, id, url, events) VALUES ($1, $2, 'http://127.0.0.1:9/in', '{invoice.issued}')`,
          [tenantId, endpointId],
        );
        await c.query(
          `INSERT INTO webhook_events (tenant_id, id, endpoint_id, type, payload)
           SELECT $1, gen_random_uuid(), $2, 'invoice.issued', '{}' FROM generate_series(1, $3::int)`,
          [tenantId, endpointId, count],
        );
      },
    },
  ];

  describe.each(CLAIMS)('the $claimFunction claim, per tenant', ({ claimFunction, releaseFunction, table, addPending }) => {
    const claim = (c: Client, limit: number) =>
      c.query<{ tenant_id: string; id: string }>(`SELECT tenant_id, id FROM ${claimFunction}($1, interval '1 hour')`, [limit]);

    async function tenantWithPending(c: Client, count: number, age: string): Promise<string> {
      const tenantId = await insertTenant(c, { name: 'Outbox', slug: `outbox-${randomUUID().slice(0, 8)}` });
      await addPending(c, tenantId, count);
      await c.query(`UPDATE ${table} SET created_at = now() - $2::interval WHERE tenant_id = $1`, [tenantId, age]);
      return tenantId;
    }

    it('gives a quiet tenant its rows although a busy tenant has older ones, and fills the batch from the busy one', async () => {
      await withOwner(async (owner) => {
        await owner.query('BEGIN');
        try {
          const busy = await tenantWithPending(owner, 30, '1 hour');
          const quiet = await tenantWithPending(owner, 2, '1 second');
          const rows = (await claim(owner, 10)).rows.filter((r) => r.tenant_id === busy || r.tenant_id === quiet);
          expect(rows.filter((r) => r.tenant_id === quiet)).toHaveLength(2);
          expect(rows.length).toBeGreaterThanOrEqual(2);
          expect(rows.length).toBeLessThanOrEqual(10);
          const all = await claim(owner, 100);
          expect(all.rows.filter((r) => r.tenant_id === busy).length + rows.filter((r) => r.tenant_id === busy).length).toBe(30);
        } finally {
          await owner.query('ROLLBACK');
        }
      });
    });

    it('marks a burst of one tenant queued where it locked each row, whatever the statistics say', async () => {
      await withOwner(async (owner) => {
        // PostgreSQL's own plans: a Citus coordinator shows its distributed scan instead (docker/scale-out.md).
        if ((await owner.query(`SELECT 1 FROM pg_extension WHERE extname = 'citus'`)).rowCount) return;
        // Each statement the claim runs, with the rows its plan read and threw away (auto_explain, as notices).
        const plans: string[] = [];
        const onNotice = (notice: { message?: string }) => notice.message?.includes('"Plan"') && plans.push(notice.message);
        owner.on('notice', onNotice);
        await owner.query('BEGIN');
        try {
          // Statistics of the table before the burst (a tenant of a few rows), as after a quiet night or with autovacuum
          // off, and the plan PL/pgSQL keeps after a few calls (made for any tenant): joined back to the table by id,
          // the 200 due rows were matched against all the tenant's 2,000, 399,800 rows thrown away.
          await owner.query(`ANALYZE ${table}`);
          await owner.query(`SET LOCAL plan_cache_mode = force_generic_plan`);
          const tenantId = await insertTenant(owner, { name: 'Burst', slug: `burst-${randomUUID().slice(0, 8)}` });
          await addPending(owner, tenantId, 2000);
          await owner.query(`LOAD 'auto_explain'`);
          await owner.query(`SET LOCAL auto_explain.log_min_duration = 0`);
          await owner.query(`SET LOCAL auto_explain.log_nested_statements = on`);
          await owner.query(`SET LOCAL auto_explain.log_analyze = on`);
          await owner.query(`SET LOCAL auto_explain.log_timing = off`);
          await owner.query(`SET LOCAL auto_explain.log_format = json`);
          await owner.query(`SET LOCAL client_min_messages = log`);
          // Other tenants' due rows, if any, take their fair share of the 200 first.
          const claimed = (await claim(owner, 200)).rows;
          expect(claimed.filter((r) => r.tenant_id === tenantId).length).toBeGreaterThan(0);
          const parsed = plans.map((plan) => JSON.parse(plan.slice(plan.indexOf('{'))) as Record<string, unknown>);
          // Each row is marked where the claim locked it (its ctid), a lookup no statistics can turn into a scan.
          const marks = parsed.filter((plan) => String(plan['Query Text']).includes(`UPDATE ${table} r SET status = 'queued'`));
          expect(marks).toHaveLength(claimed.length);
          const scans = marks.map((plan) => (plan['Plan'] as { Plans: Record<string, unknown>[] }).Plans[0]!);
          expect(new Set(scans.map((scan) => `${scan['Node Type']}: ${String(scan['TID Cond']).replace(/\$\d+/, '$n')}`))).toEqual(
            new Set(['Tid Scan: (ctid = $n)']),
          );
          expect(marks.reduce((sum, plan) => sum + rowsRemoved(plan), 0)).toBe(0);
        } finally {
          await owner.query('ROLLBACK');
          owner.off('notice', onNotice);
        }
      });
    });

    it('puts released rows back to pending, to be claimed again', async () => {
      await withOwner(async (owner) => {
        await owner.query('BEGIN');
        try {
          const tenantId = await tenantWithPending(owner, 3, '1 minute');
          const claimed = (await claim(owner, 100)).rows.filter((r) => r.tenant_id === tenantId);
          expect(claimed).toHaveLength(3);
          expect((await claim(owner, 100)).rows.filter((r) => r.tenant_id === tenantId)).toEqual([]);
          await owner.query(`SELECT ${releaseFunction}($1::uuid[], $2::uuid[])`, [
            claimed.map((r) => r.tenant_id),
            claimed.map((r) => r.id),
          ]);
          const statuses = await owner.query(`SELECT DISTINCT status FROM ${table} WHERE tenant_id = $1`, [tenantId]);
          expect(statuses.rows).toEqual([{ status: 'pending' }]);
          const again = (await claim(owner, 100)).rows.filter((r) => r.tenant_id === tenantId).map((r) => r.id);
          expect(again.sort()).toEqual(claimed.map((r) => r.id).sort());
        } finally {
          await owner.query('ROLLBACK');
        }
      });
    });

    it('never hands a row to two claims running at once', async () => {
      const tenantId = await withOwner((c) => tenantWithPending(c, 12, '1 minute'));
      const first = new Client({ connectionString: readTestEnv().ownerUrl });
      const second = new Client({ connectionString: readTestEnv().ownerUrl });
      await Promise.all([first.connect(), second.connect()]);
      try {
        await first.query('BEGIN');
        // A claim that waited for the other's rows instead of skipping them fails here, not at jest's timeout.
        await second.query(`BEGIN; SET LOCAL lock_timeout = '2s'`);
        const a = (await claim(first, 5)).rows.filter((r) => r.tenant_id === tenantId).map((r) => r.id);
        const b = (await claim(second, 100)).rows.filter((r) => r.tenant_id === tenantId).map((r) => r.id);
        expect(a.length).toBeGreaterThan(0);
        expect(a.filter((id) => b.includes(id))).toEqual([]);
        expect(a.length + b.length).toBe(12);
      } finally {
        await Promise.all([first.query('ROLLBACK'), second.query('ROLLBACK')]);
        await Promise.all([first.end(), second.end()]);
        await withOwner((c) => c.query(`DELETE FROM ${table} WHERE tenant_id = $1`, [tenantId]));
      }
    });
  });
});
