import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tenant id the current transaction runs under (set by withTenant); NULL when unset. */
const CURRENT_TENANT = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;

const TENANT_TABLES = ['memberships', 'client_accounts', 'invitations', 'refresh_tokens', 'notifications', 'audit_events'];

export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    // The API and worker log in as a role that is a member of candor_runtime: it owns nothing and
    // cannot bypass row-level security. Login roles are created by deployment (scripts/db-setup).
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'candor_runtime') THEN
        CREATE ROLE candor_runtime NOLOGIN NOBYPASSRLS;
      END IF; END $$`);

    await q.query(`CREATE TABLE tenants (
      id uuid PRIMARY KEY,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
      default_locale text NOT NULL DEFAULT 'en',
      time_zone text NOT NULL DEFAULT 'UTC',
      settings jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now())`);

    await q.query(`CREATE TABLE users (
      id uuid PRIMARY KEY,
      email text NOT NULL,
      display_name text NOT NULL,
      password_hash text NOT NULL,
      locale text NOT NULL DEFAULT 'en',
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    await q.query(`CREATE TABLE client_accounts (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      billing_email text,
      notes text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id))`);
    await q.query(`CREATE UNIQUE INDEX client_accounts_name_key ON client_accounts (tenant_id, lower(name))`);

    await q.query(`CREATE TABLE memberships (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('owner', 'manager', 'assistant', 'client_admin', 'client_member')),
      client_account_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, user_id),
      FOREIGN KEY (tenant_id, client_account_id) REFERENCES client_accounts (tenant_id, id),
      CHECK ((role IN ('client_admin', 'client_member')) = (client_account_id IS NOT NULL)))`);
    await q.query(`CREATE INDEX memberships_user_idx ON memberships (user_id)`);

    await q.query(`CREATE TABLE invitations (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      email text NOT NULL,
      role text NOT NULL CHECK (role IN ('manager', 'assistant', 'client_admin', 'client_member')),
      client_account_id uuid,
      token_hash text NOT NULL,
      locale text NOT NULL,
      invited_by uuid NOT NULL REFERENCES users (id),
      expires_at timestamptz NOT NULL,
      accepted_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, token_hash),
      FOREIGN KEY (tenant_id, client_account_id) REFERENCES client_accounts (tenant_id, id),
      CHECK ((role IN ('client_admin', 'client_member')) = (client_account_id IS NOT NULL)))`);

    await q.query(`CREATE TABLE refresh_tokens (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      family_id uuid NOT NULL,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      token_hash text NOT NULL,
      expires_at timestamptz NOT NULL,
      rotated_at timestamptz,
      revoked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id))`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (tenant_id, family_id)`);

    await q.query(`CREATE TABLE notifications (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      template text NOT NULL,
      recipient_email text NOT NULL,
      recipient_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
      locale text NOT NULL,
      payload jsonb NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'queued', 'sent', 'failed')),
      attempts int NOT NULL DEFAULT 0,
      last_error text,
      queued_at timestamptz,
      sent_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id))`);
    await q.query(`CREATE INDEX notifications_pending_idx ON notifications (created_at) WHERE status IN ('pending', 'queued')`);

    await q.query(`CREATE TABLE audit_events (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      actor_user_id uuid,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id uuid NOT NULL,
      change jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id))`);
    await q.query(`CREATE INDEX audit_events_entity_idx ON audit_events (tenant_id, entity_type, entity_id)`);

    // Row-level security: every tenant-owned table, forced, keyed on the transaction's tenant.
    await q.query(`ALTER TABLE tenants ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE tenants FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON tenants USING (id = ${CURRENT_TENANT}) WITH CHECK (id = ${CURRENT_TENANT})`);
    for (const table of TENANT_TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`,
      );
    }

    await q.query(`GRANT USAGE ON SCHEMA public TO candor_runtime`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON tenants, users, memberships, client_accounts, invitations, refresh_tokens, notifications TO candor_runtime`);
    await q.query(`GRANT DELETE ON memberships, invitations TO candor_runtime`);
    await q.query(`GRANT SELECT, INSERT ON audit_events TO candor_runtime`);

    // The two reads that must cross tenants, each as narrow as it can be. They run as the owner
    // (SECURITY DEFINER), which must be a superuser or hold BYPASSRLS.
    await q.query(`CREATE FUNCTION auth_user_memberships(p_user_id uuid)
      RETURNS TABLE (tenant_id uuid, tenant_slug text, tenant_name text, role text, client_account_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT m.tenant_id, t.slug, t.name, m.role, m.client_account_id
        FROM memberships m JOIN tenants t ON t.id = m.tenant_id
        WHERE m.user_id = p_user_id ORDER BY m.created_at $$`);
    await q.query(`CREATE FUNCTION outbox_claim(p_limit int, p_stale_after interval)
      RETURNS TABLE (tenant_id uuid, id uuid)
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        UPDATE notifications n SET status = 'queued', queued_at = now()
        FROM (SELECT tenant_id, id FROM notifications
              WHERE status = 'pending' OR (status = 'queued' AND queued_at < now() - p_stale_after)
              ORDER BY created_at LIMIT p_limit FOR UPDATE SKIP LOCKED) c
        WHERE n.tenant_id = c.tenant_id AND n.id = c.id
        RETURNING n.tenant_id, n.id $$`);
    await q.query(`CREATE FUNCTION outbox_release(p_tenant_ids uuid[], p_ids uuid[])
      RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        UPDATE notifications n SET status = 'pending', queued_at = NULL
        FROM unnest(p_tenant_ids, p_ids) AS r(tenant_id, id)
        WHERE n.tenant_id = r.tenant_id AND n.id = r.id AND n.status = 'queued' $$`);
    for (const fn of ['auth_user_memberships(uuid)', 'outbox_claim(int, interval)', 'outbox_release(uuid[], uuid[])']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO candor_runtime`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION outbox_release(uuid[], uuid[])`);
    await q.query(`DROP FUNCTION outbox_claim(int, interval)`);
    await q.query(`DROP FUNCTION auth_user_memberships(uuid)`);
    await q.query(`DROP TABLE audit_events, notifications, refresh_tokens, invitations, memberships, client_accounts, users, tenants`);
  }
}
