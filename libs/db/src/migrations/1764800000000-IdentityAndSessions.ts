import type { MigrationInterface, QueryRunner } from 'typeorm';

const CURRENT_TENANT = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;

/**
 * Getting in and staying safe.
 *
 * - users: `email_verified_at` (defaults to now(): an invitation link already proves the address;
 *   only self sign-up inserts NULL until the confirmation link is used), the TOTP secret (sealed with
 *   DATA_ENCRYPTION_KEY) and when two-factor was switched on.
 * - sessions (tenant-owned): one per sign-in; the refresh-token family and the access token's `sid`.
 *   Every authenticated request checks it through auth_session_actor, so logout, a revoked session,
 *   a role change or a removal takes effect on the next request.
 * - auth_challenges: single-use secrets that belong to a person, not a workspace (email confirmation,
 *   password reset, magic link with its 6-digit code, email change), all stored hashed. Global like
 *   users (no RLS); `sign_in_tenant_id` names the workspace a sign-in is for, and is deliberately not
 *   called tenant_id: this is not a tenant-owned row.
 * - recovery_codes: the ten single-use two-factor recovery codes, hashed.
 */
export class IdentityAndSessions1764800000000 implements MigrationInterface {
  name = 'IdentityAndSessions1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users
      ADD COLUMN email_verified_at timestamptz DEFAULT now(),
      ADD COLUMN totp_secret text,
      ADD COLUMN totp_enabled_at timestamptz,
      ADD COLUMN password_changed_at timestamptz`);

    await q.query(`CREATE TABLE sessions (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      method text NOT NULL CHECK (method IN ('password', 'magic_link', 'code', 'sign_up', 'invitation', 'reset')),
      mfa_verified boolean NOT NULL DEFAULT false,
      user_agent text CHECK (length(user_agent) <= 400),
      ip text CHECK (length(ip) <= 64),
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      PRIMARY KEY (tenant_id, id))`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (tenant_id, user_id) WHERE revoked_at IS NULL`);
    await q.query(`ALTER TABLE sessions ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE sessions FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON sessions USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON sessions TO candor_runtime`);

    await q.query(`CREATE TABLE auth_challenges (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      purpose text NOT NULL CHECK (purpose IN ('email_confirm', 'password_reset', 'magic_link', 'email_change')),
      token_hash text NOT NULL UNIQUE,
      code_hash text,
      browser_hash text,
      sign_in_tenant_id uuid REFERENCES tenants (id) ON DELETE CASCADE,
      new_email text,
      next_path text CHECK (length(next_path) <= 500),
      attempts int NOT NULL DEFAULT 0,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX auth_challenges_user_idx ON auth_challenges (user_id, purpose) WHERE used_at IS NULL`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON auth_challenges TO candor_runtime`);

    await q.query(`CREATE TABLE recovery_codes (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      code_hash text NOT NULL,
      used_at timestamptz,
      PRIMARY KEY (user_id, id))`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON recovery_codes TO candor_runtime`);

    // The one read every authenticated request makes: is this session alive, and what is the person's
    // role now? One indexed lookup by primary key; it notes the time at most once a minute.
    await q.query(`CREATE FUNCTION auth_session_actor(p_tenant_id uuid, p_session_id uuid, p_user_id uuid)
      RETURNS TABLE (role text, client_account_id uuid)
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        UPDATE sessions SET last_seen_at = now()
          WHERE tenant_id = p_tenant_id AND id = p_session_id AND revoked_at IS NULL AND last_seen_at < now() - interval '1 minute';
        RETURN QUERY SELECT m.role, m.client_account_id
          FROM sessions s JOIN memberships m ON m.tenant_id = s.tenant_id AND m.user_id = s.user_id
          WHERE s.tenant_id = p_tenant_id AND s.id = p_session_id AND s.user_id = p_user_id AND s.revoked_at IS NULL;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION auth_session_actor(uuid, uuid, uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION auth_session_actor(uuid, uuid, uuid) TO candor_runtime`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION auth_session_actor(uuid, uuid, uuid)`);
    await q.query(`DROP TABLE recovery_codes, auth_challenges, sessions`);
    await q.query(`ALTER TABLE users DROP COLUMN email_verified_at, DROP COLUMN totp_secret, DROP COLUMN totp_enabled_at, DROP COLUMN password_changed_at`);
  }
}
