import type { MigrationInterface, QueryRunner } from 'typeorm';

const CURRENT_TENANT = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;

const TABLES = [
  'engagements',
  'engagement_assistants',
  'engagement_rates',
  'timesheet_weeks',
  'work_logs',
  'work_log_revisions',
  'comments',
  'retainer_alerts',
  'share_links',
];

export class WorkLogging1764100000000 implements MigrationInterface {
  name = 'WorkLogging1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE engagements (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      client_account_id uuid NOT NULL,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      description text,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'completed')),
      currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      included_revision_rounds int NOT NULL DEFAULT 2 CHECK (included_revision_rounds BETWEEN 0 AND 100),
      deadline date,
      retainer_hours_per_month numeric(7, 2) CHECK (retainer_hours_per_month > 0),
      working_agreement jsonb NOT NULL DEFAULT '{}',
      confidentiality_terms text,
      confidentiality_accepted_by uuid REFERENCES users (id),
      confidentiality_accepted_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, client_account_id) REFERENCES client_accounts (tenant_id, id))`);
    await q.query(`CREATE INDEX engagements_client_idx ON engagements (tenant_id, client_account_id)`);

    await q.query(`CREATE TABLE engagement_assistants (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      engagement_id uuid NOT NULL,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, engagement_id, user_id),
      FOREIGN KEY (tenant_id, engagement_id) REFERENCES engagements (tenant_id, id) ON DELETE CASCADE)`);

    // A rate applies from its date on; entries keep the rate they were logged at (see work_logs.hourly_rate).
    await q.query(`CREATE TABLE engagement_rates (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      engagement_id uuid NOT NULL,
      effective_from date NOT NULL,
      hourly_rate numeric(12, 2) NOT NULL CHECK (hourly_rate >= 0),
      created_by uuid NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, engagement_id, effective_from),
      FOREIGN KEY (tenant_id, engagement_id) REFERENCES engagements (tenant_id, id) ON DELETE CASCADE)`);

    await q.query(`CREATE TABLE timesheet_weeks (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      engagement_id uuid NOT NULL,
      assistant_id uuid NOT NULL REFERENCES users (id),
      week_start date NOT NULL CHECK (extract(isodow FROM week_start) = 1),
      status text NOT NULL CHECK (status IN ('submitted', 'disputed', 'approved')),
      submitted_by uuid NOT NULL REFERENCES users (id),
      submitted_at timestamptz NOT NULL,
      decided_by uuid REFERENCES users (id),
      decided_at timestamptz,
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, engagement_id, assistant_id, week_start),
      FOREIGN KEY (tenant_id, engagement_id) REFERENCES engagements (tenant_id, id))`);

    // duration_seconds is signed only for adjusting entries, which correct a locked entry after the fact.
    await q.query(`CREATE TABLE work_logs (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      engagement_id uuid NOT NULL,
      assistant_id uuid NOT NULL REFERENCES users (id),
      source text NOT NULL CHECK (source IN ('timer', 'manual', 'adjustment')),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'disputed', 'locked')),
      started_at timestamptz NOT NULL,
      ended_at timestamptz,
      duration_seconds int,
      notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 5000),
      billable boolean NOT NULL DEFAULT true,
      hourly_rate numeric(12, 2) NOT NULL CHECK (hourly_rate >= 0),
      week_id uuid,
      adjusts_id uuid,
      disclosure_id uuid,
      auto_stopped_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, engagement_id) REFERENCES engagements (tenant_id, id),
      FOREIGN KEY (tenant_id, week_id) REFERENCES timesheet_weeks (tenant_id, id),
      FOREIGN KEY (tenant_id, adjusts_id) REFERENCES work_logs (tenant_id, id),
      CHECK (CASE source
        WHEN 'adjustment' THEN ended_at IS NULL AND adjusts_id IS NOT NULL AND duration_seconds <> 0
          AND abs(duration_seconds) <= 86400
        ELSE adjusts_id IS NULL AND (ended_at IS NULL) = (duration_seconds IS NULL)
          AND (ended_at IS NULL OR (ended_at > started_at AND duration_seconds = extract(epoch FROM ended_at - started_at)::int
            AND duration_seconds <= 86400))
      END))`);
    await q.query(`CREATE UNIQUE INDEX work_logs_one_running_timer ON work_logs (tenant_id, assistant_id)
      WHERE ended_at IS NULL AND source <> 'adjustment'`);
    await q.query(`CREATE INDEX work_logs_engagement_started_idx ON work_logs (tenant_id, engagement_id, started_at, id)`);
    await q.query(`CREATE INDEX work_logs_assistant_started_idx ON work_logs (tenant_id, assistant_id, started_at, id)`);
    await q.query(`CREATE INDEX work_logs_started_idx ON work_logs (tenant_id, started_at, id)`);
    await q.query(`CREATE INDEX work_logs_week_idx ON work_logs (tenant_id, week_id) WHERE week_id IS NOT NULL`);
    await q.query(`CREATE INDEX work_logs_running_idx ON work_logs (started_at) WHERE ended_at IS NULL AND source <> 'adjustment'`);

    await q.query(`CREATE TABLE work_log_revisions (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      work_log_id uuid NOT NULL,
      changed_by uuid NOT NULL REFERENCES users (id),
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
      before jsonb NOT NULL,
      after jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, work_log_id) REFERENCES work_logs (tenant_id, id))`);
    await q.query(`CREATE INDEX work_log_revisions_log_idx ON work_log_revisions (tenant_id, work_log_id, created_at)`);

    // Comments on any subject (work logs now; disclosures and deliverables later). Internal ones never reach a client.
    await q.query(`CREATE TABLE comments (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      subject_type text NOT NULL CHECK (subject_type IN ('work_log', 'disclosure', 'deliverable')),
      subject_id uuid NOT NULL,
      author_id uuid NOT NULL REFERENCES users (id),
      visibility text NOT NULL CHECK (visibility IN ('client', 'internal')),
      kind text NOT NULL DEFAULT 'comment' CHECK (kind IN ('comment', 'dispute', 'dispute_reply')),
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id))`);
    await q.query(`CREATE INDEX comments_subject_idx ON comments (tenant_id, subject_type, subject_id, created_at)`);

    // One row per engagement, month and threshold: the alert email goes out once.
    await q.query(`CREATE TABLE retainer_alerts (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      engagement_id uuid NOT NULL,
      month date NOT NULL,
      threshold_percent int NOT NULL CHECK (threshold_percent IN (80, 100)),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, engagement_id, month, threshold_percent),
      FOREIGN KEY (tenant_id, engagement_id) REFERENCES engagements (tenant_id, id) ON DELETE CASCADE)`);

    await q.query(`CREATE TABLE share_links (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      engagement_id uuid NOT NULL,
      period text NOT NULL CHECK (period IN ('week', 'month')),
      period_start date NOT NULL,
      token_hash text NOT NULL,
      created_by uuid NOT NULL REFERENCES users (id),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, token_hash),
      FOREIGN KEY (tenant_id, engagement_id) REFERENCES engagements (tenant_id, id) ON DELETE CASCADE)`);

    for (const table of TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`,
      );
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE ON ${TABLES.join(', ')} TO candor_runtime`);
    await q.query(`GRANT DELETE ON engagement_assistants, work_logs TO candor_runtime`);
    await q.query(`REVOKE UPDATE ON work_log_revisions, comments, retainer_alerts FROM candor_runtime`);

    // The timer sweep must find running timers of every tenant; it learns only (tenant, id, limit).
    await q.query(`CREATE FUNCTION overdue_timers(p_default_limit_hours int, p_limit int)
      RETURNS TABLE (tenant_id uuid, id uuid, limit_hours int)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT w.tenant_id, w.id, COALESCE((t.settings->>'timerLimitHours')::int, p_default_limit_hours)
        FROM work_logs w JOIN tenants t ON t.id = w.tenant_id
        WHERE w.ended_at IS NULL AND w.source <> 'adjustment'
          AND w.started_at < now() - make_interval(hours => COALESCE((t.settings->>'timerLimitHours')::int, p_default_limit_hours))
        ORDER BY w.started_at LIMIT p_limit $$`);
    await q.query(`REVOKE ALL ON FUNCTION overdue_timers(int, int) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION overdue_timers(int, int) TO candor_runtime`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION overdue_timers(int, int)`);
    await q.query(`DROP TABLE ${[...TABLES].reverse().join(', ')}`);
  }
}
