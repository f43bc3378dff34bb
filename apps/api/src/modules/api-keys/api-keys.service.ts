import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@candor/domain';
import { ScopedLookup, foundInScope } from '../../common/scoped-lookup';
import { ActorScope } from '../../common/actor-scope';
import { TenantContext } from '../../common/tenant-context';
import { AuditService } from '../audit/audit.service';
import { newApiKeySecret } from './api-key-secret';
import { presentApiKey, presentCreatedApiKey } from './api-key.presenter';
import { ApiKeysRepository } from './api-keys.repository';
import type { ApiKeyResponse, CreatedApiKeyResponse } from './dto/api-key.response';
import type { CreateApiKeyDto } from './dto/create-api-key.dto';

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly scopes: ActorScope,
    private readonly lookup: ScopedLookup,
    private readonly repository: ApiKeysRepository,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor): Promise<ApiKeyResponse[]> {
    const scope = await this.scopes.of(actor);
    return (await this.repository.list(this.tenant.manager, scope.tenantId)).map(presentApiKey);
  }

  /** Creates a key; its secret is in this answer only (the row keeps its sha-256). */
  async create(actor: Actor, dto: CreateApiKeyDto): Promise<CreatedApiKeyResponse> {
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw new BadRequestException('expiresAt must be in the future');
    const manager = this.tenant.manager;
    const { tenantId } = await this.scopes.of(actor);
    const { secret, prefix, hash } = newApiKeySecret();
    const id = randomUUID();
    await this.repository.insert(manager, {
      tenantId,
      id,
      name: dto.name.trim(),
      prefix,
      hash,
      scope: dto.scope,
      createdBy: actor.userId,
      expiresAt,
    });
    await this.audit.record(manager, {
      tenantId,
      actorUserId: actor.userId,
      action: 'api_key.created',
      entityType: 'api_key',
      entityId: id,
      change: { name: dto.name.trim(), scope: dto.scope, prefix, expiresAt },
    });
    const [row] = await this.repository.find(manager, { kind: 'tenant', tenantId }, { id });
    return presentCreatedApiKey(foundInScope(row, 'API key'), secret);
  }

  /** Revokes at once: the next request with the key is refused (401). */
  async revoke(actor: Actor, id: string): Promise<ApiKeyResponse> {
    const manager = this.tenant.manager;
    const key = await this.lookup.locked(actor, this.repository, id, 'API key');
    if (!(await this.repository.revoke(manager, actor.tenantId, id, actor.userId)))
      throw new ConflictException('This API key is already revoked');
    await this.audit.record(manager, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'api_key.revoked',
      entityType: 'api_key',
      entityId: id,
      change: { name: key.name, scope: key.scope, prefix: key.prefix },
    });
    return presentApiKey(await this.lookup.visible(actor, this.repository, id, 'API key'));
  }
}
