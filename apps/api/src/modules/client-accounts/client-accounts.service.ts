import { ConflictException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ClientAccount } from '@candor/db';
import type { Actor } from '@candor/domain';
import { ActorScope } from '../../common/actor-scope';
import { isUniqueViolation } from '../../common/database-errors';
import { foundInScope } from '../../common/scoped-lookup';
import { TenantContext } from '../../common/tenant-context';
import { AuditService } from '../audit/audit.service';
import { ClientAccountsRepository } from './client-accounts.repository';
import type { CreateClientAccountDto } from './dto/create-client-account.dto';
import type { UpdateClientAccountDto } from './dto/update-client-account.dto';

@Injectable()
export class ClientAccountsService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly scopes: ActorScope,
    private readonly repository: ClientAccountsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor): Promise<ClientAccount[]> {
    return this.repository.list(this.tenant.manager, await this.scopes.of(actor));
  }

  /** 404 both for an unknown id and for an account outside the actor's scope: existence is not revealed. */
  async get(actor: Actor, id: string): Promise<ClientAccount> {
    return foundInScope(await this.repository.findOne(this.tenant.manager, await this.scopes.of(actor), id), 'Client account');
  }

  async create(actor: Actor, dto: CreateClientAccountDto): Promise<ClientAccount> {
    const manager = this.tenant.manager;
    const row = await this.saveUnique(() =>
      this.repository.insert(manager, {
        tenantId: actor.tenantId,
        id: randomUUID(),
        name: dto.name.trim(),
        billingEmail: dto.billingEmail?.toLowerCase() ?? null,
        notes: dto.notes ?? null,
        billingAddress: dto.billingAddress ?? null,
        taxId: dto.taxId ?? null,
        taxRate: dto.taxRate ?? null,
        reverseCharge: dto.reverseCharge ?? false,
      }),
    );
    await this.audit.record(manager, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'client_account.created',
      entityType: 'client_account',
      entityId: row.id,
      change: { after: { name: row.name, billingEmail: row.billingEmail } },
    });
    return this.get(actor, row.id);
  }

  async update(actor: Actor, id: string, dto: UpdateClientAccountDto): Promise<ClientAccount> {
    const manager = this.tenant.manager;
    const before = await this.get(actor, id);
    const patch = {
      ...(dto.name !== undefined && { name: dto.name.trim() }),
      ...(dto.billingEmail !== undefined && { billingEmail: dto.billingEmail.toLowerCase() }),
      ...(dto.notes !== undefined && { notes: dto.notes }),
      ...(dto.billingAddress !== undefined && { billingAddress: dto.billingAddress }),
      ...(dto.taxId !== undefined && { taxId: dto.taxId }),
      ...(dto.taxRate !== undefined && { taxRate: dto.taxRate }),
      ...(dto.reverseCharge !== undefined && { reverseCharge: dto.reverseCharge }),
    };
    if (Object.keys(patch).length) {
      await this.saveUnique(() => this.repository.update(manager, actor.tenantId, id, patch));
      await this.audit.record(manager, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: 'client_account.updated',
        entityType: 'client_account',
        entityId: id,
        change: { before: { name: before.name, billingEmail: before.billingEmail }, after: patch },
      });
    }
    return this.get(actor, id);
  }

  private async saveUnique<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error, 'client_accounts_name_key')) {
        throw new ConflictException('A client account with this name already exists');
      }
      throw error;
    }
  }
}
