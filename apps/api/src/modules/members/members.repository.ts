import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EngagementAssistant, Membership, User } from '@candor/db';
import type { Role } from '@candor/domain';
import type { MemberResponse } from './dto/member.response';

/** Memberships of the tenant: the people, their roles and their client accounts. */
@Injectable()
export class MembersRepository {
  /** The tenant's people, the team first; `clientAccountId` narrows to one client account's people, `userId` to one person. */
  list(
    manager: EntityManager,
    tenantId: string,
    filter: { role: string | null; clientAccountId: string | null; userId?: string },
  ): Promise<MemberResponse[]> {
    return manager.query(
      `SELECT m.user_id AS "userId", u.display_name AS "displayName", u.email, m.role, m.client_account_id AS "clientAccountId",
              c.name AS "clientName", m.created_at AS "joinedAt"
       FROM memberships m JOIN users u ON u.id = m.user_id
       LEFT JOIN client_accounts c ON c.tenant_id = m.tenant_id AND c.id = m.client_account_id
       WHERE m.tenant_id = $1 AND ($2::text IS NULL OR m.role = $2) AND ($3::uuid IS NULL OR m.client_account_id = $3)
         AND ($4::uuid IS NULL OR m.user_id = $4)
       ORDER BY (m.client_account_id IS NOT NULL), c.name, u.display_name`,
      [tenantId, filter.role, filter.clientAccountId, filter.userId ?? null],
    );
  }

  findByUser(manager: EntityManager, tenantId: string, userId: string): Promise<Membership | null> {
    return manager.findOneBy(Membership, { tenantId, userId });
  }

  async insert(
    manager: EntityManager,
    values: Pick<Membership, 'tenantId' | 'id' | 'userId' | 'role' | 'clientAccountId'>,
  ): Promise<Membership> {
    const membership = manager.create(Membership, values);
    await manager.insert(Membership, membership);
    return membership;
  }

  /** Whether the account of this email (lower case) is a member of the tenant. */
  hasEmail(manager: EntityManager, tenantId: string, email: string): Promise<boolean> {
    return manager
      .createQueryBuilder(Membership, 'm')
      .innerJoin(User, 'u', 'u.id = m.user_id')
      .where('m.tenant_id = :tenantId AND lower(u.email) = :email', { tenantId, email })
      .getExists();
  }

  async setRole(manager: EntityManager, tenantId: string, id: string, role: Role): Promise<void> {
    await manager.update(Membership, { tenantId, id }, { role });
  }

  /** Takes the person off every engagement, then out of the tenant. */
  async remove(manager: EntityManager, membership: Membership): Promise<void> {
    await manager.delete(EngagementAssistant, { tenantId: membership.tenantId, userId: membership.userId });
    await manager.delete(Membership, { tenantId: membership.tenantId, id: membership.id });
  }
}
