import { Client } from 'pg';
import { setLocalTenantSql } from '@candor/db';
import * as Q from './ceiling/queries';

/**
 * EXPLAIN (ANALYZE, BUFFERS) of each read scenario's queries at the large size, as the runtime role
 * inside a tenant transaction (row-level security on), for a client of the biggest tenant.
 */
export async function explainReads(runtimeUrl: string, owner: Client): Promise<Record<string, string>> {
  const { rows } = await owner.query<{ tenant_id: string; client_account_id: string; engagement_id: string; week: string }>(
    `SELECT e.tenant_id, e.client_account_id, e.id AS engagement_id,
            (SELECT to_char(date_trunc('week', max(w.started_at)), 'YYYY-MM-DD') FROM work_logs w WHERE w.tenant_id = e.tenant_id AND w.engagement_id = e.id) AS week
     FROM bench.engagements e JOIN bench.tenants t ON t.id = e.tenant_id WHERE t.n = 1 ORDER BY e.k LIMIT 1`,
  );
  const target = rows[0]!;
  const db = new Client({ connectionString: runtimeUrl });
  await db.connect();
  const plans: Record<string, string> = {};
  const explain = async (label: string, sql: string, params: unknown[]) => {
    await db.query('BEGIN');
    await db.query(setLocalTenantSql(target.tenant_id));
    const result = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    await db.query('ROLLBACK');
    plans[label] = result.rows.map((r) => r['QUERY PLAN']).join('\n');
  };
  try {
    await explain(
      'list-work-logs: work_logs page for a client (WorkLogsRepository.list)',
      Q.WORK_LOG_PAGE.replace(
        'PAGE',
        `w.tenant_id = $1 AND w.client_account_id = $2 AND w.status <> 'draft' ORDER BY w.started_at DESC, w.id DESC LIMIT $3`,
      ),
      [target.tenant_id, target.client_account_id, 51],
    );
    await explain(
      "week-totals: the period's head and its entries, one statement (TimesheetsRepository.withEntries)",
      Q.TIMESHEET_WITH_ENTRIES,
      [target.tenant_id, target.engagement_id, target.week, 'week', target.client_account_id, true],
    );
    await explain(
      'list-disclosures: disclosures page for a client (DisclosuresRepository.find)',
      Q.DISCLOSURE_PAGE.replace(
        'PAGE',
        `d.tenant_id = $1 AND d.client_account_id = $2 AND d.status NOT IN ('draft', 'in_review') ORDER BY d.created_at DESC, d.id DESC LIMIT 51`,
      ),
      [target.tenant_id, target.client_account_id],
    );
  } finally {
    await db.end();
  }
  return plans;
}
