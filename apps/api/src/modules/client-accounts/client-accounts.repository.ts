import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ClientAccount, scopeNamed } from '@candor/db';
import type { Scope } from '@candor/domain';

/** Client accounts in `scope`: a client user's own, an assistant's (those of their engagements), or the tenant's. */
const inScope = (scope: Scope) => scopeNamed(scope, { clientAccountId: 'c.id' });

/** Queries only: takes the tenant-scoped manager and the actor's scope. */
@Injectable()
export class ClientAccountsRepository {
  list(manager: EntityManager, scope: Scope): Promise<ClientAccount[]> {
    const { sql, params } = inScope(scope);
    return manager
      .createQueryBuilder(ClientAccount, 'c')
      .where('c.tenant_id = :tenantId', { tenantId: scope.tenantId })
      .andWhere(sql, params)
      .orderBy('c.name', 'ASC')
      .take(500)
      .getMany();
  }

  async insert(
    manager: EntityManager,
    values: Pick<
      ClientAccount,
      'tenantId' | 'id' | 'name' | 'billingEmail' | 'notes' | 'billingAddress' | 'taxId' | 'taxRate' | 'reverseCharge'
    >,
  ): Promise<ClientAccount> {
    const row = manager.create(ClientAccount, values);
    await manager.insert(ClientAccount, row);
    return row;
  }

  async update(
    manager: EntityManager,
    tenantId: string,
    id: string,
    patch: Partial<Pick<ClientAccount, 'name' | 'billingEmail' | 'notes' | 'billingAddress' | 'taxId' | 'taxRate' | 'reverseCharge'>>,
  ): Promise<void> {
    await manager.update(ClientAccount, { tenantId, id }, patch);
  }

  /** Any client account of the tenant, for a caller that checks its own rule (or has no actor). */
  get(manager: EntityManager, tenantId: string, id: string): Promise<ClientAccount | null> {
    return manager.findOneBy(ClientAccount, { tenantId, id });
  }

  findOne(manager: EntityManager, scope: Scope, id: string): Promise<ClientAccount | null> {
    const { sql, params } = inScope(scope);
    return manager
      .createQueryBuilder(ClientAccount, 'c')
      .where('c.tenant_id = :tenantId AND c.id = :id', { tenantId: scope.tenantId, id })
      .andWhere(sql, params)
      .getOne();
  }
}
