import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { membersById, membersWithRoles, type Recipient } from '@candor/db';

export type { Recipient };

/** Who gets an email: members of the tenant by role, by client account, or by id. */
@Injectable()
export class RecipientsService {
  /** Owners and managers: the people who answer for the team. */
  managers(manager: EntityManager, tenantId: string): Promise<Recipient[]> {
    return membersWithRoles(manager, tenantId, ['owner', 'manager']);
  }

  clientAdmins(manager: EntityManager, tenantId: string, clientAccountId: string): Promise<Recipient[]> {
    return membersWithRoles(manager, tenantId, ['client_admin'], clientAccountId);
  }

  /** Everyone at the client: the main contacts and their colleagues. */
  clientContacts(manager: EntityManager, tenantId: string, clientAccountId: string): Promise<Recipient[]> {
    return membersWithRoles(manager, tenantId, ['client_admin', 'client_member'], clientAccountId);
  }

  users(manager: EntityManager, tenantId: string, userIds: string[]): Promise<Recipient[]> {
    return membersById(manager, tenantId, userIds);
  }

  /** Merges lists, one entry per user. */
  static distinct(...lists: Recipient[][]): Recipient[] {
    const seen = new Map<string, Recipient>();
    for (const r of lists.flat()) seen.set(r.userId, r);
    return [...seen.values()];
  }
}
