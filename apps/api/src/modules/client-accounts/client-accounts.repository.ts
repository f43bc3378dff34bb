import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ClientAccount } from '@candor/db';

/** Queries only: takes the tenant-scoped manager; `onlyId` narrows a client user to their account. */
@Injectable()
export class ClientAccountsRepository {
  list(manager: EntityManager, tenantId: string, onlyId: string | null): Promise<ClientAccount[]> {
    return manager.find(ClientAccount, {
      where: onlyId ? { tenantId, id: onlyId } : { tenantId },
      order: { name: 'ASC' },
      take: 500,
    });
  }

  findOne(manager: EntityManager, tenantId: string, id: string): Promise<ClientAccount | null> {
    return manager.findOneBy(ClientAccount, { tenantId, id });
  }
}
