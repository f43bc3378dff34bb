import type { MigrationInterface, QueryRunner } from 'typeorm';

const CURRENT_TENANT = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;

const TABLES = ['deliverables', 'deliverable_versions', 'deliverable_files', 'revision_requests'];

export class Deliverables1764300000000 implements MigrationInterface {
  name = 'Deliverables1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // A deliverable's client account must be its engagement's: the composite key makes a mismatch impossible.
    await q.query(`ALTER TABLE engagements ADD CONSTRAINT engagements_client_key UNIQUE (tenant_id, id, client_account_id)`);

    await q.query(`CREATE TABLE deliverables (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      engagement_id uuid NOT NULL,
      client_account_id uuid NOT NULL,
      title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
      description text NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
      assignee_id uuid REFERENCES users (id),
      due_at timestamptz,
      status text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'submitted', 'changes_requested', 'approved')),
      approved_by uuid REFERENCES users (id),
      approved_at timestamptz,
      late_at timestamptz,
      due_reminded_at timestamptz,
      late_notified_at timestamptz,
      created_by uuid NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, engagement_id, client_account_id) REFERENCES engagements (tenant_id, id, client_account_id),
      FOREIGN KEY (tenant_id, client_account_id) REFERENCES client_accounts (tenant_id, id),
      CHECK ((approved_at IS NULL) = (approved_by IS NULL)))`);
    await q.query(`CREATE INDEX deliverables_engagement_idx ON deliverables (tenant_id, engagement_id, created_at DESC, id)`);
    await q.query(`CREATE INDEX deliverables_client_idx ON deliverables (tenant_id, client_account_id, created_at DESC, id)`);
    // The late-work sweep: open deliverables with a due date, not yet marked late.
    await q.query(`CREATE INDEX deliverables_due_idx ON deliverables (due_at)
      WHERE status IN ('in_progress', 'changes_requested') AND late_at IS NULL AND due_at IS NOT NULL`);

    // Versions 1..n. A correction fixes our own disclosed error and never counts as a revision round.
    await q.query(`CREATE TABLE deliverable_versions (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      deliverable_id uuid NOT NULL,
      number int NOT NULL CHECK (number >= 1),
      change_summary text NOT NULL CHECK (length(btrim(change_summary)) BETWEEN 1 AND 5000),
      kind text NOT NULL CHECK (kind IN ('initial', 'revision', 'correction')),
      revision_request_id uuid,
      disclosure_id uuid,
      created_by uuid NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, deliverable_id, number),
      FOREIGN KEY (tenant_id, deliverable_id) REFERENCES deliverables (tenant_id, id),
      FOREIGN KEY (tenant_id, disclosure_id) REFERENCES disclosures (tenant_id, id),
      CHECK ((kind = 'correction') = (disclosure_id IS NOT NULL)),
      CHECK (kind <> 'initial' OR number = 1))`);

    await q.query(`CREATE TABLE deliverable_files (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      version_id uuid NOT NULL,
      original_name text NOT NULL CHECK (length(original_name) BETWEEN 1 AND 255),
      stored_name text NOT NULL CHECK (stored_name ~ '^[0-9a-f]{32}$'),
      content_type text NOT NULL,
      size_bytes bigint NOT NULL CHECK (size_bytes > 0),
      sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      storage text NOT NULL CHECK (storage IN ('local', 's3')),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, stored_name),
      FOREIGN KEY (tenant_id, version_id) REFERENCES deliverable_versions (tenant_id, id))`);
    await q.query(`CREATE INDEX deliverable_files_version_idx ON deliverable_files (tenant_id, version_id)`);

    // A client's request for changes to one version. Beyond the engagement's included rounds it is
    // billable and waits for the team to accept it; a correction fulfilling it gives the round back.
    await q.query(`CREATE TABLE revision_requests (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      deliverable_id uuid NOT NULL,
      version_id uuid NOT NULL,
      requested_by uuid NOT NULL REFERENCES users (id),
      comment text NOT NULL CHECK (length(btrim(comment)) BETWEEN 1 AND 5000),
      counts_as_round boolean NOT NULL DEFAULT true,
      round_number int CHECK (round_number >= 1),
      billable boolean NOT NULL DEFAULT false,
      status text NOT NULL CHECK (status IN ('pending_acceptance', 'open', 'fulfilled', 'declined')),
      accepted_by uuid REFERENCES users (id),
      accepted_at timestamptz,
      declined_by uuid REFERENCES users (id),
      declined_at timestamptz,
      decline_reason text CHECK (length(decline_reason) <= 2000),
      fulfilled_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, deliverable_id) REFERENCES deliverables (tenant_id, id),
      FOREIGN KEY (tenant_id, version_id) REFERENCES deliverable_versions (tenant_id, id),
      CHECK (counts_as_round = (round_number IS NOT NULL)),
      CHECK (NOT billable OR counts_as_round),
      CHECK ((status = 'declined') = (decline_reason IS NOT NULL)))`);
    await q.query(`CREATE INDEX revision_requests_deliverable_idx ON revision_requests (tenant_id, deliverable_id, created_at)`);
    // At most one request waiting on the team per deliverable.
    await q.query(`CREATE UNIQUE INDEX revision_requests_one_waiting ON revision_requests (tenant_id, deliverable_id)
      WHERE status IN ('pending_acceptance', 'open')`);
    await q.query(`ALTER TABLE deliverable_versions ADD FOREIGN KEY (tenant_id, revision_request_id) REFERENCES revision_requests (tenant_id, id)`);

    // A disclosure may be about one deliverable (e.g. a missed deadline).
    await q.query(`ALTER TABLE disclosures ADD COLUMN deliverable_id uuid`);
    await q.query(`ALTER TABLE disclosures ADD CONSTRAINT disclosures_deliverable_fkey
      FOREIGN KEY (tenant_id, deliverable_id) REFERENCES deliverables (tenant_id, id)`);

    for (const table of TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`,
      );
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE ON ${TABLES.join(', ')} TO candor_runtime`);
    await q.query(`REVOKE UPDATE ON deliverable_files FROM candor_runtime`);

    // The late-work sweep finds its candidates across tenants here (ids only), then enters each
    // tenant's transaction to mark and notify, re-checking under a row lock.
    await q.query(`CREATE FUNCTION deliverable_deadline_candidates(p_limit int)
      RETURNS TABLE (tenant_id uuid, id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT d.tenant_id, d.id FROM deliverables d
        WHERE d.status IN ('in_progress', 'changes_requested') AND d.due_at IS NOT NULL AND d.late_at IS NULL
          AND (d.due_at <= now() OR (d.due_reminded_at IS NULL AND d.due_at <= now() + interval '1 day'))
        ORDER BY d.due_at LIMIT p_limit $$`);
    await q.query(`REVOKE ALL ON FUNCTION deliverable_deadline_candidates(int) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION deliverable_deadline_candidates(int) TO candor_runtime`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION deliverable_deadline_candidates(int)`);
    await q.query(`ALTER TABLE disclosures DROP CONSTRAINT disclosures_deliverable_fkey`);
    await q.query(`ALTER TABLE disclosures DROP COLUMN deliverable_id`);
    await q.query(`DELETE FROM comments WHERE subject_type = 'deliverable'`);
    await q.query(`DROP TABLE revision_requests, deliverable_files, deliverable_versions, deliverables CASCADE`);
    await q.query(`ALTER TABLE engagements DROP CONSTRAINT engagements_client_key`);
  }
}
