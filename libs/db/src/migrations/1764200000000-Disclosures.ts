import type { MigrationInterface, QueryRunner } from 'typeorm';

const CURRENT_TENANT = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;

const TABLES = [
  'disclosures',
  'disclosure_people',
  'disclosure_events',
  'disclosure_escalations',
  'compensation_offers',
  'credit_ledger_entries',
  'follow_ups',
  'remedy_policies',
];

const CATEGORIES = `('missed_deadline', 'copy_error', 'misunderstood_brief', 'double_booking', 'missed_sign_off', 'data_handling', 'other')`;
const OFFER_KINDS = `('discount_next_project', 'free_hours', 'deadline_extension', 'credit', 'refund', 'free_revision')`;
/** The value each offer kind takes (percent, hours, days, money or nothing); the API says the same in words. */
const OFFER_VALUE_RULE = (kind: string, value: string, currency: string) => `CASE ${kind}
  WHEN 'discount_next_project' THEN ${value} BETWEEN 1 AND 100 AND ${value} = trunc(${value}) AND ${currency} IS NULL
  WHEN 'free_hours' THEN ${value} > 0 AND ${currency} IS NULL
  WHEN 'deadline_extension' THEN ${value} >= 1 AND ${value} = trunc(${value}) AND ${currency} IS NULL
  WHEN 'free_revision' THEN ${value} IS NULL AND ${currency} IS NULL
  ELSE ${value} > 0 AND ${currency} ~ '^[A-Z]{3}$' END`;

export class Disclosures1764200000000 implements MigrationInterface {
  name = 'Disclosures1764200000000';

  async up(q: QueryRunner): Promise<void> {
    // Client-facing words (what happened .. prevention summary) and internal ones (root cause ..
    // preventive actions) live side by side; the API shapes each response per audience.
    await q.query(`CREATE TABLE disclosures (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      engagement_id uuid NOT NULL,
      client_account_id uuid NOT NULL,
      author_id uuid NOT NULL REFERENCES users (id),
      category text NOT NULL CHECK (category IN ${CATEGORIES}),
      severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
      detected_by text NOT NULL CHECK (detected_by IN ('self', 'teammate', 'client')),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'disclosed', 'acknowledged', 'remedy_proposed',
        'remedy_accepted', 'remedy_changes_requested', 'in_remediation', 'resolved', 'closed')),
      what_happened text NOT NULL CHECK (length(btrim(what_happened)) BETWEEN 1 AND 10000),
      impact text NOT NULL DEFAULT '' CHECK (length(impact) <= 10000),
      apology text NOT NULL DEFAULT '' CHECK (length(apology) <= 5000),
      remedy_plan text NOT NULL DEFAULT '' CHECK (length(remedy_plan) <= 10000),
      remedy_due_at timestamptz,
      resolution_summary text NOT NULL DEFAULT '' CHECK (length(resolution_summary) <= 10000),
      prevention_summary text NOT NULL DEFAULT '' CHECK (length(prevention_summary) <= 10000),
      root_cause text NOT NULL DEFAULT '' CHECK (length(root_cause) <= 10000),
      contributing_factors text NOT NULL DEFAULT '' CHECK (length(contributing_factors) <= 10000),
      lessons_learned text NOT NULL DEFAULT '' CHECK (length(lessons_learned) <= 10000),
      preventive_actions text NOT NULL DEFAULT '' CHECK (length(preventive_actions) <= 10000),
      occurred_at timestamptz NOT NULL,
      discovered_at timestamptz NOT NULL,
      disclosed_at timestamptz,
      disclosed_by uuid REFERENCES users (id),
      time_to_disclose_seconds int CHECK (time_to_disclose_seconds >= 0),
      acknowledged_at timestamptz,
      remedy_proposed_at timestamptz,
      remedy_rounds int NOT NULL DEFAULT 0,
      remedy_accepted_at timestamptz,
      remedy_accepted_by uuid REFERENCES users (id),
      resolved_at timestamptz,
      time_to_resolve_seconds int CHECK (time_to_resolve_seconds >= 0),
      closed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, engagement_id) REFERENCES engagements (tenant_id, id),
      FOREIGN KEY (tenant_id, client_account_id) REFERENCES client_accounts (tenant_id, id),
      CHECK (discovered_at >= occurred_at),
      CHECK ((disclosed_at IS NULL) = (status IN ('draft', 'in_review'))))`);
    await q.query(`CREATE INDEX disclosures_engagement_idx ON disclosures (tenant_id, engagement_id, created_at DESC, id)`);
    await q.query(`CREATE INDEX disclosures_client_idx ON disclosures (tenant_id, client_account_id, created_at DESC, id)`);
    await q.query(`CREATE INDEX disclosures_created_idx ON disclosures (tenant_id, created_at DESC, id)`);
    await q.query(`CREATE INDEX disclosures_undisclosed_idx ON disclosures (discovered_at) WHERE status IN ('draft', 'in_review')`);
    await q.query(`ALTER TABLE work_logs ADD FOREIGN KEY (tenant_id, disclosure_id) REFERENCES disclosures (tenant_id, id)`);

    // The team members involved: internal, never shown to a client, and checked against client-facing words.
    await q.query(`CREATE TABLE disclosure_people (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      disclosure_id uuid NOT NULL,
      user_id uuid NOT NULL REFERENCES users (id),
      PRIMARY KEY (tenant_id, disclosure_id, user_id),
      FOREIGN KEY (tenant_id, disclosure_id) REFERENCES disclosures (tenant_id, id) ON DELETE CASCADE)`);

    // The timeline: every transition, append-only. Comments live in comments (subject_type 'disclosure').
    await q.query(`CREATE TABLE disclosure_events (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      disclosure_id uuid NOT NULL,
      actor_id uuid REFERENCES users (id),
      action text NOT NULL,
      from_status text,
      to_status text,
      visibility text NOT NULL CHECK (visibility IN ('client', 'internal')),
      detail jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, disclosure_id) REFERENCES disclosures (tenant_id, id) ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX disclosure_events_disclosure_idx ON disclosure_events (tenant_id, disclosure_id, created_at)`);

    // One row per draft and level: the overdue email for a level goes out once.
    await q.query(`CREATE TABLE disclosure_escalations (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      disclosure_id uuid NOT NULL,
      level smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, disclosure_id, level),
      FOREIGN KEY (tenant_id, disclosure_id) REFERENCES disclosures (tenant_id, id) ON DELETE CASCADE)`);

    await q.query(`CREATE TABLE compensation_offers (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      disclosure_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ${OFFER_KINDS}),
      value numeric(14, 2),
      currency char(3),
      note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
      status text NOT NULL DEFAULT 'offered' CHECK (status IN ('offered', 'accepted', 'declined', 'withdrawn', 'expired', 'applied')),
      expires_at timestamptz NOT NULL,
      expiry_warned_at timestamptz,
      created_by uuid NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      decided_by uuid REFERENCES users (id),
      decided_at timestamptz,
      decline_reason text CHECK (length(decline_reason) <= 2000),
      applied_by uuid REFERENCES users (id),
      applied_at timestamptz,
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, disclosure_id) REFERENCES disclosures (tenant_id, id),
      CHECK (${OFFER_VALUE_RULE('kind', 'value', 'currency')}))`);
    await q.query(`CREATE INDEX compensation_offers_disclosure_idx ON compensation_offers (tenant_id, disclosure_id, created_at)`);
    await q.query(`CREATE INDEX compensation_offers_open_idx ON compensation_offers (expires_at) WHERE status = 'offered'`);

    // What the client is owed because of accepted offers: one entry per offer, applied when used.
    await q.query(`CREATE TABLE credit_ledger_entries (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      client_account_id uuid NOT NULL,
      offer_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ${OFFER_KINDS}),
      value numeric(14, 2),
      currency char(3),
      description text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      applied_at timestamptz,
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, offer_id),
      FOREIGN KEY (tenant_id, client_account_id) REFERENCES client_accounts (tenant_id, id),
      FOREIGN KEY (tenant_id, offer_id) REFERENCES compensation_offers (tenant_id, id),
      CHECK (${OFFER_VALUE_RULE('kind', 'value', 'currency')}))`);
    await q.query(`CREATE INDEX credit_ledger_client_idx ON credit_ledger_entries (tenant_id, client_account_id, created_at)`);

    await q.query(`CREATE TABLE follow_ups (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      disclosure_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('client_check_in', 'team_retrospective')),
      due_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'skipped')),
      outcome text CHECK (length(outcome) <= 5000),
      skip_reason text CHECK (length(skip_reason) <= 2000),
      client_resolved boolean,
      rating smallint CHECK (rating BETWEEN 1 AND 5),
      completed_by uuid REFERENCES users (id),
      completed_at timestamptz,
      reminded_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, disclosure_id, kind),
      FOREIGN KEY (tenant_id, disclosure_id) REFERENCES disclosures (tenant_id, id),
      CHECK ((status = 'skipped') = (skip_reason IS NOT NULL)))`);
    await q.query(`CREATE INDEX follow_ups_due_idx ON follow_ups (due_at) WHERE status = 'pending' AND reminded_at IS NULL`);

    // Standing remedies agreed up front, per engagement and category: a new disclosure starts with them.
    await q.query(`CREATE TABLE remedy_policies (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      engagement_id uuid NOT NULL,
      category text NOT NULL CHECK (category IN ${CATEGORIES}),
      remedy_plan text NOT NULL CHECK (length(btrim(remedy_plan)) BETWEEN 1 AND 5000),
      remedy_due_hours int NOT NULL CHECK (remedy_due_hours BETWEEN 1 AND 8760),
      offer_kind text CHECK (offer_kind IN ${OFFER_KINDS}),
      offer_value numeric(14, 2),
      offer_currency char(3),
      offer_note text NOT NULL DEFAULT '' CHECK (length(offer_note) <= 2000),
      offer_valid_days int NOT NULL DEFAULT 14 CHECK (offer_valid_days BETWEEN 1 AND 365),
      updated_by uuid NOT NULL REFERENCES users (id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, engagement_id, category),
      FOREIGN KEY (tenant_id, engagement_id) REFERENCES engagements (tenant_id, id) ON DELETE CASCADE,
      CHECK (offer_kind IS NULL AND offer_value IS NULL AND offer_currency IS NULL
        OR offer_kind IS NOT NULL AND ${OFFER_VALUE_RULE('offer_kind', 'offer_value', 'offer_currency')}))`);

    // A client asking for remedy changes writes a comment of its own kind.
    await q.query(`ALTER TABLE comments DROP CONSTRAINT comments_kind_check`);
    await q.query(`ALTER TABLE comments ADD CONSTRAINT comments_kind_check
      CHECK (kind IN ('comment', 'dispute', 'dispute_reply', 'remedy_changes'))`);

    for (const table of TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`,
      );
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE ON ${TABLES.join(', ')} TO candor_runtime`);
    await q.query(`GRANT DELETE ON disclosure_people, remedy_policies TO candor_runtime`);
    await q.query(`REVOKE UPDATE ON disclosure_events, disclosure_escalations FROM candor_runtime`);

    // The worker's sweeps find work across tenants through these narrow functions, then enter each
    // tenant's transaction for the change. Each returns ids only.
    // Overdue drafts: level n is due once n deadlines have passed since discovery (at most 3).
    await q.query(`CREATE FUNCTION overdue_disclosure_drafts(p_default_deadline_hours int, p_limit int)
      RETURNS TABLE (tenant_id uuid, id uuid, level int)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT d.tenant_id, d.id, x.level
        FROM disclosures d JOIN tenants t ON t.id = d.tenant_id
        CROSS JOIN LATERAL (SELECT LEAST(3, floor(extract(epoch FROM now() - d.discovered_at)
          / (3600 * GREATEST(1, COALESCE((t.settings->>'disclosureDeadlineHours')::int, p_default_deadline_hours)))))::int AS level) x
        WHERE d.status IN ('draft', 'in_review') AND x.level >= 1
          AND NOT EXISTS (SELECT 1 FROM disclosure_escalations e
                          WHERE e.tenant_id = d.tenant_id AND e.disclosure_id = d.id AND e.level >= x.level)
        ORDER BY d.discovered_at LIMIT p_limit $$`);
    // Offers to expire, or to warn about a day before they expire.
    await q.query(`CREATE FUNCTION due_offer_changes(p_limit int)
      RETURNS TABLE (tenant_id uuid, id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT o.tenant_id, o.id FROM compensation_offers o
        WHERE o.status = 'offered' AND (o.expires_at <= now() OR (o.expiry_warned_at IS NULL AND o.expires_at <= now() + interval '1 day'))
        ORDER BY o.expires_at LIMIT p_limit $$`);
    await q.query(`CREATE FUNCTION due_follow_ups(p_limit int)
      RETURNS TABLE (tenant_id uuid, id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT f.tenant_id, f.id FROM follow_ups f
        WHERE f.status = 'pending' AND f.reminded_at IS NULL AND f.due_at <= now()
        ORDER BY f.due_at LIMIT p_limit $$`);
    for (const fn of ['overdue_disclosure_drafts(int, int)', 'due_offer_changes(int)', 'due_follow_ups(int)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO candor_runtime`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION due_follow_ups(int)`);
    await q.query(`DROP FUNCTION due_offer_changes(int)`);
    await q.query(`DROP FUNCTION overdue_disclosure_drafts(int, int)`);
    await q.query(`DELETE FROM comments WHERE kind = 'remedy_changes'`);
    await q.query(`ALTER TABLE comments DROP CONSTRAINT comments_kind_check`);
    await q.query(`ALTER TABLE comments ADD CONSTRAINT comments_kind_check CHECK (kind IN ('comment', 'dispute', 'dispute_reply'))`);
    await q.query(`UPDATE work_logs SET disclosure_id = NULL WHERE disclosure_id IS NOT NULL`);
    await q.query(`ALTER TABLE work_logs DROP CONSTRAINT work_logs_tenant_id_disclosure_id_fkey`);
    await q.query(`DROP TABLE ${[...TABLES].reverse().join(', ')}`);
  }
}
