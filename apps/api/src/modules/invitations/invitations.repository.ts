import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { Invitation } from '@candor/db';
import type { Scope } from '@candor/domain';

/** Invitations of the tenant; takes the tenant-scoped manager. */
@Injectable()
export class InvitationsRepository {
  /** Pending invitations in `scope`: the tenant's, or a client account's; none belongs to an engagement. */
  async pending(manager: EntityManager, scope: Scope): Promise<Invitation[]> {
    if (scope.kind === 'engagements') return [];
    const where =
      scope.kind === 'client_account'
        ? { tenantId: scope.tenantId, clientAccountId: scope.clientAccountId, acceptedAt: IsNull() }
        : { tenantId: scope.tenantId, acceptedAt: IsNull() };
    return manager.find(Invitation, { where, order: { createdAt: 'DESC' }, take: 500 });
  }

  /** The invitation a link's token opens (tokens are stored hashed), locked for its acceptance when `lock` is set. */
  byTokenHash(manager: EntityManager, tenantId: string, tokenHash: string, lock: boolean): Promise<Invitation | null> {
    return manager.findOne(Invitation, { where: { tenantId, tokenHash }, ...(lock && { lock: { mode: 'pessimistic_write' as const } }) });
  }

  /** A new invitation replaces any pending one for the same address: only the latest link works. */
  async replacePending(manager: EntityManager, invitation: Invitation): Promise<void> {
    await manager.delete(Invitation, { tenantId: invitation.tenantId, email: invitation.email, acceptedAt: IsNull() });
    await manager.insert(Invitation, invitation);
  }

  async markAccepted(manager: EntityManager, tenantId: string, id: string): Promise<void> {
    await manager.update(Invitation, { tenantId, id }, { acceptedAt: new Date() });
  }
}
