import type { Role } from '@candor/domain';
import { newId, type Sql } from '../sql';

/** A tenant row; its id is the one `withTenant` must be entered with before anything else of it is written. */
export async function insertTenant(
  db: Sql,
  row: { id?: string; name: string; slug: string; defaultLocale?: string; timeZone?: string; settings?: Record<string, unknown> },
): Promise<string> {
  const id = row.id ?? newId();
  await db.query(`INSERT INTO tenants (id, name, slug, default_locale, time_zone, settings) VALUES ($1, $2, $3, $4, $5, $6)`, [
    id,
    row.name,
    row.slug,
    row.defaultLocale ?? 'en',
    row.timeZone ?? 'UTC',
    JSON.stringify(row.settings ?? {}),
  ]);
  return id;
}

/** A user with a confirmed email; `passwordHash` is an argon2 hash (the demo data hashes its one password once). */
export async function insertUser(
  db: Sql,
  row: { id?: string; email: string; displayName: string; passwordHash: string; locale?: string },
): Promise<string> {
  const id = row.id ?? newId();
  await db.query(`INSERT INTO users (id, email, display_name, password_hash, locale) VALUES ($1, $2, $3, $4, $5)`, [
    id,
    row.email,
    row.displayName,
    row.passwordHash,
    row.locale ?? 'en',
  ]);
  return id;
}

/** A membership; client roles need their client account. */
export async function insertMembership(
  db: Sql,
  row: { tenantId: string; userId: string; role: Role; clientAccountId?: string | null },
): Promise<string> {
  const id = newId();
  await db.query(`INSERT INTO memberships (tenant_id, id, user_id, role, client_account_id) VALUES ($1, $2, $3, $4, $5)`, [
    row.tenantId,
    id,
    row.userId,
    row.role,
    row.clientAccountId ?? null,
  ]);
  return id;
}

/** A live password session of a member, as sign-in writes it; the id is what an access token's `sid` names. */
export async function insertSession(db: Sql, row: { tenantId: string; userId: string; id?: string }): Promise<string> {
  const id = row.id ?? newId();
  await db.query(`INSERT INTO sessions (tenant_id, id, user_id, method) VALUES ($1, $2, $3, 'password')`, [row.tenantId, id, row.userId]);
  return id;
}
