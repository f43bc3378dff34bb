import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `auth_session_confirm`: the session check of auth_session_actor, made to ride inside a tenant transaction,
 * and `auth_session_touch`, the last-seen time it no longer writes.
 *
 * The API may send the confirmation as one of the statements that open a request's transaction (in the same
 * write as the first query, see withTenant's `session`), instead of a round trip of its own before the
 * transaction. It answers nothing: it raises SQLSTATE CS401 when the session is not alive, or when the
 * person's role or client account is no longer the one the access token names. The error aborts the
 * transaction before any of the request's statements ran, and the API answers 401 (the web app then refreshes
 * the token, which carries the role as it is now, and retries). A PROCEDURE, so a CALL returns no row for the
 * pipeline to skip.
 *
 * It only reads: a write of the session row inside the request's transaction would hold the row's lock until
 * COMMIT (a long CSV export: minutes), and logout, revocation and refresh, which update that row, would wait on
 * it. The API notes the sessions it confirmed and touches their last_seen_at together, once a minute
 * (`auth_session_touch`, a statement of its own outside any request).
 */
export class SessionConfirmProcedure1766000000000 implements MigrationInterface {
  name = 'SessionConfirmProcedure1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE PROCEDURE auth_session_confirm(p_tenant_id uuid, p_session_id uuid, p_user_id uuid, p_role text, p_client_account_id uuid)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        PERFORM 1 FROM sessions s JOIN memberships m ON m.tenant_id = s.tenant_id AND m.user_id = s.user_id
          WHERE s.tenant_id = p_tenant_id AND s.id = p_session_id AND s.user_id = p_user_id AND s.revoked_at IS NULL
            AND m.role = p_role AND m.client_account_id IS NOT DISTINCT FROM p_client_account_id;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'session ended or role changed' USING ERRCODE = 'CS401';
        END IF;
      END $$`);
    await q.query(`REVOKE ALL ON PROCEDURE auth_session_confirm(uuid, uuid, uuid, text, uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON PROCEDURE auth_session_confirm(uuid, uuid, uuid, text, uuid) TO candor_runtime`);
    await q.query(`CREATE PROCEDURE auth_session_touch(p_tenant_ids uuid[], p_session_ids uuid[])
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        -- One session at a time: each UPDATE names its tenant (a single shard under Citus).
        FOR i IN 1 .. coalesce(array_length(p_session_ids, 1), 0) LOOP
          UPDATE sessions SET last_seen_at = now()
            WHERE tenant_id = p_tenant_ids[i] AND id = p_session_ids[i] AND revoked_at IS NULL AND last_seen_at < now();
        END LOOP;
      END $$`);
    await q.query(`REVOKE ALL ON PROCEDURE auth_session_touch(uuid[], uuid[]) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON PROCEDURE auth_session_touch(uuid[], uuid[]) TO candor_runtime`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP PROCEDURE auth_session_touch(uuid[], uuid[])`);
    await q.query(`DROP PROCEDURE auth_session_confirm(uuid, uuid, uuid, text, uuid)`);
  }
}
