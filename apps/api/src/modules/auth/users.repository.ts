import { Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { User } from '@candor/db';

/** A workspace a person belongs to (the auth_user_memberships function, which reads across tenants). */
export interface Workspace {
  tenant_id: string;
  tenant_slug: string;
}

/** The columns every other read leaves out. */
interface Secrets {
  password?: boolean;
  totp?: boolean;
}

function withSecrets(query: SelectQueryBuilder<User>, select: Secrets): SelectQueryBuilder<User> {
  if (select.password) query.addSelect('u.passwordHash');
  if (select.totp) query.addSelect('u.totpSecret');
  return query;
}

type Changeable = Partial<Pick<User, 'email' | 'emailVerifiedAt' | 'passwordHash' | 'passwordChangedAt' | 'totpSecret' | 'totpEnabledAt'>>;

/**
 * Accounts. No tenant owns a user, so the manager is the request's or `withTenant`'s when the work
 * belongs to a tenant transaction, else the data source's.
 */
@Injectable()
export class UsersRepository {
  get(manager: EntityManager, id: string): Promise<User> {
    return manager.findOneByOrFail(User, { id });
  }

  /** The account of an email, case-insensitively (the unique index is on lower(email)). */
  byEmail(manager: EntityManager, email: string, select: Secrets = {}): Promise<User | null> {
    return withSecrets(
      manager.createQueryBuilder(User, 'u').where('lower(u.email) = lower(:email)', { email: email.trim() }),
      select,
    ).getOne();
  }

  /** The account with its secrets (hidden from every other read). */
  withSecrets(manager: EntityManager, id: string, select: Secrets): Promise<User> {
    return withSecrets(manager.createQueryBuilder(User, 'u').where('u.id = :id', { id }), select).getOneOrFail();
  }

  async displayName(manager: EntityManager, id: string): Promise<string | undefined> {
    const [row]: { displayName: string }[] = await manager.query(`SELECT display_name AS "displayName" FROM users WHERE id = $1`, [id]);
    return row?.displayName;
  }

  /** The workspaces a person belongs to, oldest membership first. */
  workspaces(manager: EntityManager, userId: string): Promise<Workspace[]> {
    return manager.query('SELECT tenant_id, tenant_slug FROM auth_user_memberships($1)', [userId]);
  }

  async insert(
    manager: EntityManager,
    values: Pick<User, 'id' | 'email' | 'displayName' | 'passwordHash' | 'locale' | 'timeZone'> & Partial<Pick<User, 'emailVerifiedAt'>>,
  ): Promise<User> {
    const user = manager.create(User, values);
    await manager.insert(User, user);
    return user;
  }

  async update(manager: EntityManager, id: string, patch: Changeable): Promise<void> {
    await manager.update(User, { id }, patch);
  }

  /**
   * An emailed link reached its owner: the address counts as confirmed from the first time. `now()` is read in a
   * FROM subquery: Citus refuses `now()` inside COALESCE in an UPDATE of a reference table (`users`).
   */
  async confirmEmail(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE users SET email_verified_at = coalesce(email_verified_at, c.t) FROM (SELECT now() AS t) c WHERE id = $1`, [
      id,
    ]);
  }

  /** A new password from an emailed link, which proves the address too (`now()` read as in `confirmEmail`). */
  async resetPassword(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await manager.query(
      `UPDATE users SET password_hash = $2, password_changed_at = c.t, email_verified_at = coalesce(email_verified_at, c.t)
       FROM (SELECT now() AS t) c WHERE id = $1`,
      [id, passwordHash],
    );
  }

  /**
   * Records a TOTP time step as spent only if it is later than the last one accepted, in one atomic
   * UPDATE; false when it was not.
   */
  async spendTotpStep(manager: EntityManager, id: string, step: number): Promise<boolean> {
    const spent = await manager
      .createQueryBuilder()
      .update(User)
      .set({ totpLastStep: String(step) })
      .where('id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)', { id, step })
      .execute();
    return Boolean(spent.affected);
  }
}
