import type { DataSource } from 'typeorm';
import { User } from '@candor/db';

/** The account of an email, case-insensitively (the unique index is on lower(email)). */
export function findUserByEmail(
  dataSource: DataSource,
  email: string,
  select: { password?: boolean; totp?: boolean } = {},
): Promise<User | null> {
  const query = dataSource.getRepository(User).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email: email.trim() });
  if (select.password) query.addSelect('u.passwordHash');
  if (select.totp) query.addSelect('u.totpSecret');
  return query.getOne();
}

/** The workspaces a person belongs to, oldest membership first. */
export async function tenantsOf(dataSource: DataSource, userId: string): Promise<{ tenant_id: string; tenant_slug: string }[]> {
  return dataSource.query('SELECT tenant_id, tenant_slug FROM auth_user_memberships($1)', [userId]);
}
