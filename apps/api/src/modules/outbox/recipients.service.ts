import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '@candor/domain';

export interface Recipient {
  userId: string;
  email: string;
  displayName: string;
  locale: string;
}

/** Who gets an email: members of the tenant by role, by client account, or by id. */
@Injectable()
export class RecipientsService {
  /** Owners and managers: the people who answer for the team. */
  managers(manager: EntityManager, tenantId: string): Promise<Recipient[]> {
    return this.byRole(manager, tenantId, ['owner', 'manager'], null);
  }

  clientAdmins(manager: EntityManager, tenantId: string, clientAccountId: string): Promise<Recipient[]> {
    return this.byRole(manager, tenantId, ['client_admin'], clientAccountId);
  }

  /** Everyone at the client: the main contacts and their colleagues. */
  clientContacts(manager: EntityManager, tenantId: string, clientAccountId: string): Promise<Recipient[]> {
    return this.byRole(manager, tenantId, ['client_admin', 'client_member'], clientAccountId);
  }

  users(manager: EntityManager, tenantId: string, userIds: string[]): Promise<Recipient[]> {
    return manager.query(
      `SELECT u.id AS "userId", u.email, u.display_name AS "displayName", u.locale
       FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.tenant_id = $1 AND m.user_id = ANY($2::uuid[]) ORDER BY u.email`,
      [tenantId, [...new Set(userIds)]],
    );
  }

  /** Merges lists, one entry per user. */
  static distinct(...lists: Recipient[][]): Recipient[] {
    const seen = new Map<string, Recipient>();
    for (const r of lists.flat()) seen.set(r.userId, r);
    return [...seen.values()];
  }

  private byRole(manager: EntityManager, tenantId: string, roles: Role[], clientAccountId: string | null): Promise<Recipient[]> {
    return manager.query(
      `SELECT u.id AS "userId", u.email, u.display_name AS "displayName", u.locale
       FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.tenant_id = $1 AND m.role = ANY($2::text[]) AND ($3::uuid IS NULL OR m.client_account_id = $3)
       ORDER BY u.email`,
      [tenantId, roles, clientAccountId],
    );
  }
}
