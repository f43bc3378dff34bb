import type { MigrationInterface, QueryRunner } from 'typeorm';

const CURRENT_TENANT = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;

/**
 * API keys for integrations (issue 19).
 *
 * - api_keys (tenant-owned): a name, the first characters shown in lists (`prefix`), the sha-256 of the
 *   secret (keys are 32 random bytes, so a fast hash is enough), the scope, who created it, when it was
 *   last used (noted at most once a minute), revoked and expiry times. The secret itself is never stored.
 * - api_key_actor(hash): the one lookup made before the tenant is known, as a SECURITY DEFINER function
 *   returning only what the request needs (tenant, key, name, scope, creator) and whether the key may be
 *   used now: not revoked, not expired, and its creator still an owner or manager of the workspace.
 * - audit_events.actor_api_key_id: the key a change was made with. Its default reads the transaction's
 *   `app.api_key_id` (set by the API for a key's request), so every audit write records the key with no
 *   change to its callers. Added without a default first, so existing rows are not rewritten.
 */
export class ApiKeys1765600000000 implements MigrationInterface {
  name = 'ApiKeys1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE api_keys (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      prefix text NOT NULL CHECK (length(prefix) <= 32),
      hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
      scope text NOT NULL CHECK (scope IN ('read_only', 'time_entries', 'disclosures', 'full')),
      created_by uuid NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      expires_at timestamptz,
      revoked_at timestamptz,
      revoked_by uuid REFERENCES users (id),
      PRIMARY KEY (tenant_id, id))`);
    await q.query(`CREATE UNIQUE INDEX api_keys_hash_key ON api_keys (tenant_id, hash)`);
    // The lookup before the tenant is known; a sha-256 of 32 random bytes does not collide.
    await q.query(`CREATE INDEX api_keys_hash_idx ON api_keys (hash)`);
    await q.query(`CREATE INDEX api_keys_created_idx ON api_keys (tenant_id, created_at DESC)`);
    await q.query(`ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE api_keys FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON api_keys USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON api_keys TO candor_runtime`);

    await q.query(`CREATE FUNCTION api_key_actor(p_hash text)
      RETURNS TABLE (key_tenant_id uuid, key_id uuid, key_name text, key_scope text, key_created_by uuid, key_usable boolean)
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        UPDATE api_keys k SET last_used_at = now()
          WHERE k.hash = p_hash AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
            AND (k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute');
        RETURN QUERY SELECT k.tenant_id, k.id, k.name, k.scope, k.created_by,
            k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
              AND EXISTS (SELECT 1 FROM memberships m
                WHERE m.tenant_id = k.tenant_id AND m.user_id = k.created_by AND m.role IN ('owner', 'manager'))
          FROM api_keys k WHERE k.hash = p_hash;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION api_key_actor(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION api_key_actor(text) TO candor_runtime`);

    await q.query(`ALTER TABLE audit_events ADD COLUMN actor_api_key_id uuid`);
    await q.query(`ALTER TABLE audit_events ALTER COLUMN actor_api_key_id SET DEFAULT NULLIF(current_setting('app.api_key_id', true), '')::uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events DROP COLUMN actor_api_key_id`);
    await q.query(`DROP FUNCTION api_key_actor(text)`);
    await q.query(`DROP TABLE api_keys`);
  }
}
